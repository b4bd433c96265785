package io.berth.scheduler.dryrun;

import io.berth.core.arn.Boundary;
import io.berth.core.cluster.ClusterState;
import io.berth.core.cluster.DeploymentDryRun;
import io.berth.core.command.LogPositions;
import io.berth.core.command.UpdateService;
import io.berth.core.error.EcsError;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.core.scheduling.DeploymentDryRunResult;
import io.berth.scheduler.SchedulerLoop;
import io.berth.scheduler.service.ClusterReplicas;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /internal/dry-run}: what an UpdateService would do ({@link DeploymentDryRun}), worked
 * out on a copy of the scheduler's replica of the cluster. Answers the {@link DeploymentDryRunResult}
 * (a rejected update is a result with an {@code error}); a request that cannot be read is a 400
 * with an ECS error, and until the replica has caught up with the log — or, with
 * {@code X-Berth-Min-Position}, reached the caller's own writes (design rule 6) — a 503
 * ServerException, since an answer from an older view would mislead without saying so.
 */
@Path("/internal/dry-run")
public class DryRunResource {

    /** How long a dry run waits for the replica to reach the positions the caller asks for. */
    static final Duration READ_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private final SchedulerLoop loop;
    private final Clock clock = Clock.systemUTC();

    public DryRunResource(SchedulerLoop loop) {
        this.loop = loop;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response dryRun(@HeaderParam("X-Berth-Min-Position") String minPosition, byte[] body)
            throws InterruptedException {
        DryRunRequest request;
        UpdateService update;
        Boundary boundary;
        Map<Integer, Long> positions;
        try {
            request = DryRunRequest.parse(body);
            update = request.command();
            boundary = update.boundary(request.scope());
            positions = LogPositions.parse(minPosition);
        } catch (EcsException rejected) {
            return error(400, rejected.toError());
        }
        Optional<ClusterReplicas> replicas = loop.replicas();
        if (replicas.isEmpty()) {
            return unavailable("The scheduler is still reading the event log; try again shortly.");
        }
        if (!await(replicas.get(), positions)) {
            return unavailable("The scheduler has not yet read your latest changes; try again shortly.");
        }
        ClusterReplicas.Snapshot snapshot = replicas.get().snapshot(boundary.key())
                .orElseGet(() -> new ClusterReplicas.Snapshot(new ClusterState(boundary), replicas.get()));
        DeploymentDryRunResult result = DeploymentDryRun.simulate(snapshot.cluster(), update,
                snapshot.taskDefinitions(), clock.instant());
        return Response.ok(Json.toBytes(result), MediaType.APPLICATION_JSON).build();
    }

    private static boolean await(ClusterReplicas replicas, Map<Integer, Long> positions) throws InterruptedException {
        long deadline = System.nanoTime() + READ_WAIT.toNanos();
        while (!replicas.reached(positions)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    private static Response unavailable(String message) {
        return error(503, new EcsError(ErrorCode.SERVER_EXCEPTION, message));
    }

    private static Response error(int status, EcsError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Json.toBytes(error)).build();
    }
}
