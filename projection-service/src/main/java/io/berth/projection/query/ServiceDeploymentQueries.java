package io.berth.projection.query;

import io.berth.core.arn.Arns;
import io.berth.core.arn.ParsedArn;
import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.model.Failure;
import io.berth.projection.query.ServiceDeploymentShape.ServiceDeployment;
import io.berth.projection.query.ServiceDeploymentShape.ServiceDeploymentBrief;
import io.berth.projection.view.ServiceDeploymentArns;
import io.berth.projection.view.ServiceDeploymentView;
import io.berth.projection.view.ServiceView;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ListServiceDeployments and DescribeServiceDeployments (ecs-semantics §3.5), from {@code service_deployments}. */
@ApplicationScoped
public class ServiceDeploymentQueries {

    private static final int MAX_DESCRIBED = 20;
    private static final Set<String> STATUSES = Set.of("PENDING", "SUCCESSFUL", "STOPPED", "STOP_REQUESTED",
            "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED");

    public record CreatedAt(Instant before, Instant after) {
    }

    public record ListServiceDeploymentsRequest(String service, String cluster, List<String> status,
            CreatedAt createdAt, String nextToken, Integer maxResults) {
    }

    public record ListServiceDeploymentsResponse(List<ServiceDeploymentBrief> serviceDeployments, String nextToken) {
    }

    public record DescribeServiceDeploymentsRequest(List<String> serviceDeploymentArns) {
    }

    public record DescribeServiceDeploymentsResponse(List<ServiceDeployment> serviceDeployments,
            List<Failure> failures) {
    }

    /**
     * A service's deployments, newest first (by creation, then ARN), in every status unless
     * {@code status} narrows them; {@code createdAt.before} and {@code .after} are exclusive. The
     * service is named by name or ARN; without {@code cluster}, a long service ARN names its cluster.
     */
    public Uni<ListServiceDeploymentsResponse> list(Scope scope, ListServiceDeploymentsRequest request) {
        int size = Paging.maxResults(request.maxResults(), 20);
        if (request.service() == null || request.service().isEmpty()) {
            throw EcsException.invalidParameter("Service cannot be empty.");
        }
        String clusterName = Arns.clusterName(scope, request.cluster() != null ? request.cluster()
                : clusterOfServiceArn(request.service()));
        String serviceName = Arns.serviceName(scope, clusterName, request.service());
        List<String> statuses = request.status() == null ? List.of() : request.status();
        for (String status : statuses) {
            if (!STATUSES.contains(status)) {
                throw EcsException.invalidParameter("status must be one of " + String.join(", ", STATUSES.stream()
                        .sorted().toList()) + ".");
            }
        }
        String serviceArn = Arns.service(scope, clusterName, serviceName);
        StringBuilder query = new StringBuilder("serviceArn = ?1");
        List<Object> parameters = new ArrayList<>(List.of(serviceArn));
        if (request.nextToken() != null) {
            List<String> after = PageToken.decode("ListServiceDeployments", request.nextToken(), 2);
            parameters.add(instant(after.get(0)));
            parameters.add(after.get(1));
            query.append(" and (createdAt < ?2 or (createdAt = ?2 and serviceDeploymentArn < ?3))");
        }
        if (!statuses.isEmpty()) {
            parameters.add(statuses);
            query.append(" and status in ?").append(parameters.size());
        }
        CreatedAt createdAt = request.createdAt();
        if (createdAt != null && createdAt.before() != null) {
            parameters.add(createdAt.before());
            query.append(" and createdAt < ?").append(parameters.size());
        }
        if (createdAt != null && createdAt.after() != null) {
            parameters.add(createdAt.after());
            query.append(" and createdAt > ?").append(parameters.size());
        }
        return ServiceQueries.existingCluster(scope, clusterName)
                .chain(() -> ServiceView.count("serviceArn = ?1", serviceArn))
                .chain(count -> count == 0 ? Uni.createFrom().failure(EcsException.serviceNotFound())
                        : ServiceDeploymentView.<ServiceDeploymentView>find(query.toString(),
                                Sort.descending("createdAt", "serviceDeploymentArn"), parameters.toArray())
                                .range(0, size).list())
                .map(rows -> {
                    Paging.Page<ServiceDeploymentView> page = Paging.cut("ListServiceDeployments", rows, size,
                            row -> List.of(row.createdAt.toString(), row.serviceDeploymentArn));
                    return new ListServiceDeploymentsResponse(
                            page.items().stream().map(ServiceDeploymentShape::brief).toList(), page.nextToken());
                });
    }

    /** 1-20 service deployment ARNs of this account and region; unknown ones are MISSING. */
    public Uni<DescribeServiceDeploymentsResponse> describe(Scope scope, DescribeServiceDeploymentsRequest request) {
        List<String> arns = request.serviceDeploymentArns();
        if (arns == null || arns.isEmpty()) {
            throw EcsException.invalidParameter("serviceDeploymentArns cannot be empty.");
        }
        if (arns.size() > MAX_DESCRIBED) {
            throw EcsException.invalidParameter("At most " + MAX_DESCRIBED
                    + " service deployments can be described at once.");
        }
        List<String> wanted = new ArrayList<>();
        for (String arn : new LinkedHashSet<>(arns)) {
            ParsedArn parsed = ServiceDeploymentArns.parse(arn)
                    .orElseThrow(() -> EcsException.invalidParameter("Invalid service deployment ARN: " + arn))
                    .arn();
            if (parsed.account().equals(scope.account()) && parsed.region().equals(scope.region())) {
                wanted.add(arn);
            }
        }
        return byArn(wanted).chain(rows -> {
            List<String> sourceArns = rows.values().stream()
                    .flatMap(row -> ServiceDeploymentShape.sourceIds(row).stream()
                            .map(id -> ServiceDeploymentArns.deployment(row.serviceArn, id)))
                    .distinct().toList();
            return byArn(sourceArns).map(sources -> {
                List<ServiceDeployment> described = new ArrayList<>();
                List<Failure> failures = new ArrayList<>();
                for (String arn : arns) {
                    ServiceDeploymentView row = rows.get(arn);
                    if (row == null) {
                        failures.add(Failure.missing(arn));
                    } else {
                        described.add(ServiceDeploymentShape.full(row, sources));
                    }
                }
                return new DescribeServiceDeploymentsResponse(described, failures);
            });
        });
    }

    private static Uni<Map<String, ServiceDeploymentView>> byArn(List<String> arns) {
        if (arns.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ServiceDeploymentView.<ServiceDeploymentView>list("serviceDeploymentArn in ?1", arns).map(rows -> {
            Map<String, ServiceDeploymentView> byArn = new HashMap<>();
            rows.forEach(row -> byArn.put(row.serviceDeploymentArn, row));
            return byArn;
        });
    }

    /** The cluster a long service ARN ({@code service/<cluster>/<name>}) names, else null (the default cluster). */
    private static String clusterOfServiceArn(String service) {
        return Arns.parse(service)
                .filter(arn -> arn.resourceType().equals("service") && arn.pathParts().length == 2)
                .map(arn -> arn.pathParts()[0])
                .orElse(null);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw EcsException.invalidParameter("Invalid nextToken.");
        }
    }
}
