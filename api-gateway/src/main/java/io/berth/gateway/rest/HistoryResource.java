package io.berth.gateway.rest;

import io.berth.core.error.EcsException;
import io.berth.gateway.auth.Caller;
import io.berth.gateway.read.ProjectionClient;
import io.berth.gateway.read.ReadPositions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail: who did what to which resource, when, with the event id and its log position.
 * Like every read, it reflects at least the caller's own acknowledged writes.
 */
@Path("/v1/history")
@Tag(name = "History")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private final NativeApi api;
    private final ProjectionClient projection;
    private final ReadPositions positions;

    public HistoryResource(NativeApi api, ProjectionClient projection, ReadPositions positions) {
        this.api = api;
        this.projection = projection;
        this.positions = positions;
    }

    @GET
    @Operation(summary = "The history of the caller's account and region, or of one resource, in log order",
            description = "Pages of at most `limit` entries; pass the answer's `next` as `after` for the next page.")
    public Uni<Response> history(@HeaderParam("Authorization") String auth,
            @QueryParam("resourceArn") String resourceArn, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        Caller caller;
        try {
            caller = api.caller(auth);
        } catch (EcsException rejected) {
            return Uni.createFrom().item(NativeApi.error(rejected.toError()));
        }
        Map<String, String> query = new HashMap<>();
        query.put("account", caller.scope().account());
        query.put("region", caller.scope().region());
        query.put("resourceArn", resourceArn);
        query.put("after", after);
        query.put("limit", limit == null ? null : limit.toString());
        return projection.get("/internal/audit", query, positions.minPositionHeader(caller.sessionKey()))
                .map(answer -> Response.status(answer.status()).type(MediaType.APPLICATION_JSON)
                        .entity(answer.body()).build());
    }
}
