package io.berth.projection.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.berth.core.arn.Scope;
import io.berth.core.command.LogPositions;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.function.Function;

/**
 * The gateway's read API: {@code POST /internal/ecs/{operation}} with the ECS request JSON as body
 * and the caller's account and region in headers; the answer is the ECS response JSON, or an ECS
 * error ({@link EcsErrorMapper}). With {@code X-Berth-Min-Position} the answer reflects at least
 * those positions of berth.events (bounded wait, {@link PositionWait}).
 */
@Path("/internal/ecs")
public class EcsQueryResource {

    private final ClusterQueries clusters;
    private final TaskDefinitionQueries taskDefinitions;
    private final ServiceQueries services;
    private final ServiceDeploymentQueries serviceDeployments;
    private final TaskQueries tasks;
    private final ContainerInstanceQueries containerInstances;
    private final TagQueries tags;
    private final PositionWait positions;

    public EcsQueryResource(ClusterQueries clusters, TaskDefinitionQueries taskDefinitions, ServiceQueries services,
            ServiceDeploymentQueries serviceDeployments, TaskQueries tasks,
            ContainerInstanceQueries containerInstances, TagQueries tags, PositionWait positions) {
        this.clusters = clusters;
        this.taskDefinitions = taskDefinitions;
        this.services = services;
        this.serviceDeployments = serviceDeployments;
        this.tasks = tasks;
        this.containerInstances = containerInstances;
        this.tags = tags;
        this.positions = positions;
    }

    @POST
    @Path("/{operation}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> query(@PathParam("operation") String operation,
            @HeaderParam("X-Berth-Account") String account, @HeaderParam("X-Berth-Region") String region,
            @HeaderParam("X-Berth-Min-Position") String minPosition, byte[] body) {
        Scope scope = RequestScope.of(account, region);
        Uni<Object> answer = switch (operation) {
            case "DescribeClusters" -> run(body, ClusterQueries.DescribeClustersRequest.class,
                    request -> clusters.describe(scope, request));
            case "ListClusters" -> run(body, ClusterQueries.ListClustersRequest.class,
                    request -> clusters.list(scope, request));
            case "DescribeTaskDefinition" -> run(body, TaskDefinitionQueries.DescribeTaskDefinitionRequest.class,
                    request -> taskDefinitions.describe(scope, request));
            case "ListTaskDefinitions" -> run(body, TaskDefinitionQueries.ListTaskDefinitionsRequest.class,
                    request -> taskDefinitions.list(scope, request));
            case "ListTaskDefinitionFamilies" -> run(body,
                    TaskDefinitionQueries.ListTaskDefinitionFamiliesRequest.class,
                    request -> taskDefinitions.families(scope, request));
            case "DescribeServices" -> run(body, ServiceQueries.DescribeServicesRequest.class,
                    request -> services.describe(scope, request));
            case "ListServices" -> run(body, ServiceQueries.ListServicesRequest.class,
                    request -> services.list(scope, request));
            case "ListServiceDeployments" -> run(body,
                    ServiceDeploymentQueries.ListServiceDeploymentsRequest.class,
                    request -> serviceDeployments.list(scope, request));
            case "DescribeServiceDeployments" -> run(body,
                    ServiceDeploymentQueries.DescribeServiceDeploymentsRequest.class,
                    request -> serviceDeployments.describe(scope, request));
            case "DescribeTasks" -> run(body, TaskQueries.DescribeTasksRequest.class,
                    request -> tasks.describe(scope, request));
            case "ListTasks" -> run(body, TaskQueries.ListTasksRequest.class,
                    request -> tasks.list(scope, request));
            case "DescribeContainerInstances" -> run(body,
                    ContainerInstanceQueries.DescribeContainerInstancesRequest.class,
                    request -> containerInstances.describe(scope, request));
            case "ListContainerInstances" -> run(body, ContainerInstanceQueries.ListContainerInstancesRequest.class,
                    request -> containerInstances.list(scope, request));
            case "ListTagsForResource" -> run(body, TagQueries.ListTagsForResourceRequest.class,
                    request -> tags.list(scope, request));
            default -> throw new EcsException(ErrorCode.UNKNOWN_OPERATION_EXCEPTION,
                    "The projection does not answer " + operation + ".");
        };
        return positions.await(LogPositions.parse(minPosition))
                .chain(() -> answer)
                .map(result -> Response.ok(Json.toBytes(result), MediaType.APPLICATION_JSON).build());
    }

    /** Parses the request now (so a malformed body fails before any wait) and queries lazily in a session. */
    static <R> Uni<Object> run(byte[] body, Class<R> requestType, Function<R, Uni<?>> query) {
        R request = parse(body, requestType);
        return Uni.createFrom().deferred(() -> Panache.withSession(() -> query.apply(request)).map(o -> o));
    }

    private static <R> R parse(byte[] body, Class<R> requestType) {
        try {
            return Json.MAPPER.readValue(body == null || body.length == 0 ? "{}".getBytes() : body, requestType);
        } catch (JsonProcessingException e) {
            throw new EcsException(ErrorCode.SERIALIZATION_EXCEPTION, "Cannot read the request: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EcsException(ErrorCode.SERIALIZATION_EXCEPTION, "Cannot read the request.");
        }
    }
}
