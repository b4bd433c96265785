package io.berth.gateway.rest;

import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import io.berth.gateway.auth.Caller;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The event log as server-sent events: each SSE event is one Berth event (its envelope as
 * {@code data}, its type as {@code event}, its resume token as {@code id}). A client that
 * reconnects with {@code Last-Event-ID} (or {@code from=<token>}) continues right after the last
 * event it saw.
 */
@Path("/v1/events")
@Tag(name = "Event stream")
public class EventStreamResource {

    private final NativeApi api;
    private final EventStream stream;

    public EventStreamResource(NativeApi api, EventStream stream) {
        this.api = api;
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow the caller's events, optionally of one resource",
            description = "`from` is `latest` (default: only new events), `earliest`, or a resume token.")
    public Multi<OutboundSseEvent> follow(@HeaderParam("Authorization") String auth,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("from") String from,
            @QueryParam("resourceArn") String resourceArn, @Context Sse sse) {
        Caller caller = api.caller(auth);
        String start = lastEventId != null ? lastEventId : from;
        if (start != null && !start.equals("latest") && !start.equals("earliest")) {
            try {
                EventStream.parse(start);
            } catch (IllegalArgumentException e) {
                throw EcsException.invalidParameter("from must be latest, earliest or a resume token: " + start);
            }
        }
        return stream.follow(caller.scope().account(), caller.scope().region(), resourceArn, start)
                .map(item -> sse.newEventBuilder()
                        .id(item.resumeToken())
                        .name(item.event().type())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(Json.toString(item.event()))
                        .build());
    }
}
