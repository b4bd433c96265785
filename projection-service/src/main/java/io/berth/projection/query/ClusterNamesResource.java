package io.berth.projection.query;

import io.berth.core.command.LogPositions;
import io.berth.core.json.Json;
import io.berth.projection.view.ClusterView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /internal/clusters}: the names of every cluster an account and region has, whatever
 * its status — each one is a boundary with state, which the gateway's local reset must reach.
 * {@code X-Berth-Min-Position} works as for the ECS queries.
 */
@Path("/internal/clusters")
public class ClusterNamesResource {

    public record ClusterNames(List<String> clusterNames) {
    }

    private final PositionWait positions;

    public ClusterNamesResource(PositionWait positions) {
        this.positions = positions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> clusterNames(@QueryParam("account") String account, @QueryParam("region") String region,
            @HeaderParam("X-Berth-Min-Position") String minPosition) {
        var scope = RequestScope.of(account, region);
        return positions.await(LogPositions.parse(minPosition))
                .chain(() -> Panache.withSession(() -> ClusterView.<ClusterView>find("account = ?1 and region = ?2",
                        Sort.by("clusterName"), scope.account(), scope.region()).list()))
                .map(rows -> new ClusterNames(rows.stream().map(row -> row.clusterName).toList()))
                .map(names -> Response.ok(Json.toBytes(names), MediaType.APPLICATION_JSON).build());
    }
}
