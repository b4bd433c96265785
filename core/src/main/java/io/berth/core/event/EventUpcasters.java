package io.berth.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Upcasters turn a payload written at schema version N into version N+1. Every event type is at
 * version 1 today, so the table is empty; when a payload changes shape, its type's version goes
 * up and an entry {@code (type, oldVersion) -> transform} is added here, never a rewrite of the log.
 */
final class EventUpcasters {

    private static final Map<String, UnaryOperator<JsonNode>> STEPS = Map.of();

    private EventUpcasters() {
    }

    static JsonNode upcast(EventType type, int fromVersion, JsonNode payload) {
        JsonNode current = payload;
        for (int version = fromVersion; version < type.schemaVersion(); version++) {
            UnaryOperator<JsonNode> step = STEPS.get(type.wireName() + "@" + version);
            if (step == null) {
                throw new IllegalStateException("no upcaster for " + type.wireName() + " version " + version);
            }
            current = step.apply(current);
        }
        return current;
    }
}
