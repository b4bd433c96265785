package io.berth.projection.query;

import io.berth.core.arn.Scope;
import io.berth.core.command.LogPositions;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The gateway's read API for its CloudWatch Logs endpoint: {@code POST /internal/logs/{operation}}
 * with the CloudWatch Logs request JSON (camelCase members) as body and the caller's account and
 * region in headers, as {@link EcsQueryResource}. Errors are {@code {"__type", "message"}} with
 * CloudWatch Logs' types (ResourceNotFoundException, InvalidParameterException, ...).
 * {@code X-Berth-Min-Position} names positions of berth.logs, the topic these views follow.
 */
@Path("/internal/logs")
public class LogsQueryResource {

    private final LogEventQueries events;
    private final LogStreamQueries streams;
    private final PositionWait positions;

    public LogsQueryResource(LogEventQueries events, LogStreamQueries streams, PositionWait positions) {
        this.events = events;
        this.streams = streams;
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
            case "GetLogEvents" -> EcsQueryResource.run(body, LogEventQueries.GetLogEventsRequest.class,
                    request -> events.getLogEvents(scope, request));
            case "FilterLogEvents" -> EcsQueryResource.run(body, LogEventQueries.FilterLogEventsRequest.class,
                    request -> events.filterLogEvents(scope, request));
            case "DescribeLogStreams" -> EcsQueryResource.run(body, LogStreamQueries.DescribeLogStreamsRequest.class,
                    request -> streams.describe(scope, request));
            default -> throw new EcsException(ErrorCode.UNKNOWN_OPERATION_EXCEPTION,
                    "The projection does not answer " + operation + ".");
        };
        return positions.await(Topics.LOGS, LogPositions.parse(minPosition))
                .chain(() -> answer)
                .map(result -> Response.ok(Json.toBytes(result), MediaType.APPLICATION_JSON).build());
    }
}
