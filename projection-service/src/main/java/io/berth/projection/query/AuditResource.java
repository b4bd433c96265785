package io.berth.projection.query;

import io.berth.core.command.LogPositions;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import io.berth.projection.view.AuditView;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /internal/audit}: who did what to which resource, when — the audit rows of an
 * account and region, or of one of its resources, in log order (partition, then offset), a page
 * at a time. {@code after} is the {@code partition:offset} of the last entry seen, {@code next}
 * the one to pass for the next page.
 */
@Path("/internal/audit")
public class AuditResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    public record AuditEntry(String eventId, String eventType, String account, String region, String resourceArn,
            String actor, Instant time, String correlationId, String causationId, String topic, int partition,
            long offset) {
    }

    public record AuditPage(List<AuditEntry> entries, String next) {
    }

    private final PositionWait positions;

    public AuditResource(PositionWait positions) {
        this.positions = positions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> audit(@QueryParam("account") String account, @QueryParam("region") String region,
            @QueryParam("resourceArn") String resourceArn, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit, @HeaderParam("X-Berth-Min-Position") String minPosition) {
        var scope = RequestScope.of(account, region);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw EcsException.invalidParameter("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        StringBuilder query = new StringBuilder("account = ?1 and region = ?2");
        List<Object> parameters = new ArrayList<>(List.of(scope.account(), scope.region()));
        if (resourceArn != null && !resourceArn.isEmpty()) {
            parameters.add(resourceArn);
            query.append(" and resourceArn = ?").append(parameters.size());
        }
        if (after != null) {
            Map<Integer, Long> position = LogPositions.parse(after);
            if (position.size() != 1) {
                throw EcsException.invalidParameter("after must be a single partition:offset.");
            }
            var last = position.entrySet().iterator().next();
            parameters.add(last.getKey());
            int partition = parameters.size();
            parameters.add(last.getValue());
            query.append(" and (logPartition > ?").append(partition).append(" or (logPartition = ?")
                    .append(partition).append(" and logOffset > ?").append(parameters.size()).append("))");
        }
        return positions.await(LogPositions.parse(minPosition))
                .chain(() -> Panache.withSession(() -> AuditView.<AuditView>find(query.toString(),
                        Sort.by("logPartition", "logOffset"), parameters.toArray()).range(0, size).list()))
                .map(rows -> {
                    boolean more = rows.size() > size;
                    List<AuditView> page = more ? rows.subList(0, size) : rows;
                    List<AuditEntry> entries = page.stream().map(AuditResource::entry).toList();
                    String next = more ? LogPositions.format(page.get(size - 1).logPartition,
                            page.get(size - 1).logOffset) : null;
                    return Response.ok(Json.toBytes(new AuditPage(entries, next)), MediaType.APPLICATION_JSON)
                            .build();
                });
    }

    private static AuditEntry entry(AuditView row) {
        return new AuditEntry(row.eventId, row.eventType, row.account, row.region, row.resourceArn, row.actor,
                row.eventTime, row.correlationId, row.causationId, row.topic, row.logPartition, row.logOffset);
    }
}
