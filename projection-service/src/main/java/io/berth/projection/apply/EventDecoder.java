package io.berth.projection.apply;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.event.Event;
import io.berth.core.event.EventEnvelope;
import io.berth.core.event.EventType;
import io.berth.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads an {@link EventEnvelope} record and its typed event in one pass: when the payload comes
 * after the type (as {@code Json.MAPPER} writes envelopes) and is at the current schema version,
 * it is read straight into its event type, without the intermediate tree that
 * {@link EventEnvelope#event()} converts from. Anything else takes that general path, upcasting
 * included. Replay spends most of its Java time here.
 */
final class EventDecoder {

    /** The envelope's fields (its payload left out once decoded) and the typed event. */
    record Decoded(EventEnvelope envelope, Event event) {
    }

    private EventDecoder() {
    }

    static Decoded decode(byte[] bytes) {
        try (JsonParser p = Json.MAPPER.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an event record must be a JSON object");
            }
            String eventId = null;
            String type = null;
            int schemaVersion = 0;
            String partitionKey = null;
            String account = null;
            String region = null;
            String resourceArn = null;
            Instant time = null;
            String actor = null;
            String correlationId = null;
            String causationId = null;
            Event event = null;
            JsonNode payload = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "eventId" -> eventId = p.getValueAsString();
                    case "type" -> type = p.getValueAsString();
                    case "schemaVersion" -> schemaVersion = p.getValueAsInt();
                    case "partitionKey" -> partitionKey = p.getValueAsString();
                    case "account" -> account = p.getValueAsString();
                    case "region" -> region = p.getValueAsString();
                    case "resourceArn" -> resourceArn = p.getValueAsString();
                    case "time" -> time = p.currentToken() == JsonToken.VALUE_NULL ? null : p.readValueAs(Instant.class);
                    case "actor" -> actor = p.getValueAsString();
                    case "correlationId" -> correlationId = p.getValueAsString();
                    case "causationId" -> causationId = p.getValueAsString();
                    case "payload" -> {
                        Optional<EventType> current = Optional.ofNullable(type).flatMap(EventType::byName);
                        if (current.isPresent() && current.get().schemaVersion() == schemaVersion
                                && p.currentToken() == JsonToken.START_OBJECT) {
                            event = p.readValueAs(current.get().payloadType());
                        } else {
                            payload = p.readValueAsTree();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            EventEnvelope envelope = new EventEnvelope(eventId, type, schemaVersion, partitionKey, account, region,
                    resourceArn, time, actor, correlationId, causationId, payload);
            return new Decoded(envelope, event != null ? event : envelope.event());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
