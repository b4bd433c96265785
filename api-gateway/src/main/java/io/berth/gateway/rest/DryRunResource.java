package io.berth.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.error.EcsError;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.gateway.auth.Caller;
import io.berth.gateway.read.ReadPositions;
import io.berth.gateway.read.SchedulerClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * What an UpdateService would do, without doing it (Nomad's {@code job plan}): the scheduler works
 * it out on its replica of the cluster, which reflects at least the caller's own writes. A
 * rejected update answers the ECS error UpdateService would give, with its status.
 */
@Path("/v1/clusters/{cluster}/services/{service}/dry-run")
@Tag(name = "Services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DryRunResource {

    private static final Logger LOG = Logger.getLogger(DryRunResource.class);

    private final NativeApi api;
    private final SchedulerClient scheduler;
    private final ReadPositions positions;

    public DryRunResource(NativeApi api, SchedulerClient scheduler, ReadPositions positions) {
        this.api = api;
        this.scheduler = scheduler;
        this.positions = positions;
    }

    @POST
    @Operation(summary = "Dry-run an update of the service: the rolling deployment's steps and how it ends",
            description = "The body is an UpdateService request (without cluster and service). The answer has the "
                    + "service as UpdateService would answer it, `steps` (tasks started per deployment with the "
                    + "container instance and availability zone of each, tasks stopped, RUNNING tasks per deployment "
                    + "after the step) assuming every task starts and turns healthy at once, and `outcome`: "
                    + "COMPLETES, BLOCKED (with the scheduler's service event `message`) or UNFINISHED.")
    public Uni<Response> dryRun(@HeaderParam("Authorization") String auth, @PathParam("cluster") String cluster,
            @PathParam("service") String service, JsonNode body) {
        Caller caller;
        try {
            caller = api.caller(auth);
        } catch (EcsException rejected) {
            return Uni.createFrom().item(NativeApi.error(rejected.toError()));
        }
        ObjectNode update = NativeApi.request(body);
        update.put("service", service);
        ObjectNode request = NativeApi.request();
        request.put("account", caller.scope().account());
        request.put("region", caller.scope().region());
        request.put("cluster", cluster);
        request.set("update", update);
        return scheduler.dryRun(Json.toBytes(request), positions.minPositionHeader(caller.sessionKey()))
                .map(DryRunResource::respond)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("the scheduler did not answer a dry run: %s", failure.toString());
                    return Response.status(503).type(MediaType.APPLICATION_JSON).entity(Json.toBytes(new EcsError(
                            ErrorCode.SERVER_EXCEPTION, "The scheduler is not reachable; try again shortly."))).build();
                });
    }

    /** A result that carries an error is the rejected update's ECS error; anything else is relayed as it is. */
    static Response respond(SchedulerClient.Answer answer) {
        if (answer.status() == 200) {
            JsonNode error = Json.readTree(answer.body()).path("error");
            if (error.isObject()) {
                return NativeApi.error(Json.convert(error, EcsError.class));
            }
        }
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
