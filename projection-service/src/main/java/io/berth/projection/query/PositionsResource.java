package io.berth.projection.query;

import io.berth.core.json.Json;
import io.berth.projection.view.ProjectionOffsetView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code GET /internal/positions}: for each partition, the next offset the views have not applied yet. */
@Path("/internal/positions")
public class PositionsResource {

    public record Position(String topic, int partition, long nextOffset) {
    }

    public record Positions(List<Position> positions) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> positions() {
        return Panache.withSession(() -> ProjectionOffsetView.<ProjectionOffsetView>findAll(
                Sort.by("topic", "logPartition")).list())
                .map(rows -> new Positions(rows.stream()
                        .map(row -> new Position(row.topic, row.logPartition, row.nextOffset)).toList()))
                .map(positions -> Response.ok(Json.toBytes(positions), MediaType.APPLICATION_JSON).build());
    }
}
