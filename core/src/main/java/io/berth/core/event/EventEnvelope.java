package io.berth.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.json.Json;
import java.time.Instant;

/**
 * An event as it is stored in {@code berth.events} (key = {@code partitionKey}, the boundary key).
 * {@code causationId} is the id of the command that produced it; {@code correlationId} follows a
 * request through every command and event it causes.
 */
public record EventEnvelope(
        String eventId,
        String type,
        int schemaVersion,
        String partitionKey,
        String account,
        String region,
        String resourceArn,
        Instant time,
        String actor,
        String correlationId,
        String causationId,
        JsonNode payload) {

    public static EventEnvelope wrap(String eventId, String partitionKey, String account, String region, Instant time,
            String actor, String correlationId, String causationId, Event event) {
        EventType type = EventType.of(event);
        return new EventEnvelope(eventId, type.wireName(), type.schemaVersion(), partitionKey, account, region,
                event.resourceArn(), time, actor, correlationId, causationId, Json.toTree(event));
    }

    /** The typed event, upcast from an older schema version when needed. */
    public Event event() {
        EventType eventType = EventType.byName(type)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + type + " in " + eventId));
        if (schemaVersion > eventType.schemaVersion()) {
            throw new IllegalStateException("event " + eventId + " has schema version " + schemaVersion
                    + " but this build reads " + type + " up to version " + eventType.schemaVersion());
        }
        JsonNode current = EventUpcasters.upcast(eventType, schemaVersion, payload);
        return Json.convert(current, eventType.payloadType());
    }
}
