package io.berth.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.ResetBoundary;
import io.berth.core.error.EcsError;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.gateway.auth.Caller;
import io.berth.gateway.config.GatewayConfig;
import io.berth.gateway.ecs.EcsDispatcher;
import io.berth.gateway.ecs.EcsOutcome;
import io.berth.gateway.read.ProjectionClient;
import io.berth.gateway.read.ReadPositions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Local development reset: forgets everything of the caller's account and region — clusters,
 * services, task definitions and their revision counters — by a {@link ResetBoundary} command to
 * each of its boundaries, so the reset itself is in the log like any change. Allowed only in
 * local mode and only from loopback — judged by the TCP peer, so a reverse proxy on the same
 * host makes every caller look local: never expose a local-mode gateway that way.
 */
@Path("/v1/reset")
@Tag(name = "Local development")
public class ResetResource {

    private final GatewayConfig config;
    private final EcsDispatcher dispatcher;
    private final ProjectionClient projection;
    private final NativeApi api;
    private final ReadPositions positions;

    public ResetResource(GatewayConfig config, EcsDispatcher dispatcher, ProjectionClient projection, NativeApi api,
            ReadPositions positions) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.projection = projection;
        this.api = api;
        this.positions = positions;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Wipe the caller's account and region (local mode, loopback only)")
    public Uni<Response> reset(@HeaderParam("Authorization") String auth, @Context HttpServerRequest request) {
        if (!config.gateway().localMode() || !fromLoopback(request)) {
            return Uni.createFrom().item(NativeApi.error(new EcsError(ErrorCode.ACCESS_DENIED_EXCEPTION,
                    "Reset is only available in local mode, from the local machine.")));
        }
        Caller caller = api.caller(auth);
        // With the caller's positions: a cluster it created a moment ago must be reset too.
        return projection.get("/internal/clusters", Map.of("account", caller.scope().account(),
                        "region", caller.scope().region()), positions.minPositionHeader(caller.sessionKey()))
                .flatMap(answer -> {
                    if (answer.status() != 200) {
                        throw new IllegalStateException("projection-service answered " + answer.status());
                    }
                    List<ResetBoundary> resets = new ArrayList<>();
                    for (JsonNode name : Json.readTree(answer.body()).path("clusterNames")) {
                        resets.add(new ResetBoundary(name.asText()));
                    }
                    resets.add(new ResetBoundary(null));
                    return Multi.createFrom().iterable(resets)
                            .onItem().transformToUniAndConcatenate(reset -> dispatcher.command(caller, reset))
                            .collect().asList()
                            .map(outcomes -> answer(outcomes, resets.size() - 1));
                });
    }

    private static Response answer(List<EcsOutcome> outcomes, int clusters) {
        for (EcsOutcome outcome : outcomes) {
            if (!outcome.succeeded()) {
                return Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(outcome.body())
                        .build();
            }
        }
        return Response.ok(Json.toBytes(Map.of("clustersReset", clusters, "accountReset", true)),
                MediaType.APPLICATION_JSON).build();
    }

    private static boolean fromLoopback(HttpServerRequest request) {
        try {
            return InetAddress.getByName(request.remoteAddress().host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new EcsException(ErrorCode.ACCESS_DENIED_EXCEPTION, "Unknown client address.");
        }
    }
}
