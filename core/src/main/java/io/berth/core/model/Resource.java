package io.berth.core.model;

import java.util.List;

/**
 * A container instance resource: {@code CPU} and {@code MEMORY} (INTEGER), {@code PORTS} and
 * {@code PORTS_UDP} (STRINGSET of reserved ports).
 */
public record Resource(String name, String type, Double doubleValue, Long longValue, Integer integerValue,
        List<String> stringSetValue) {

    public static Resource integer(String name, int value) {
        return new Resource(name, "INTEGER", 0.0, 0L, value, null);
    }

    public static Resource stringSet(String name, List<String> values) {
        return new Resource(name, "STRINGSET", 0.0, 0L, 0, List.copyOf(values));
    }
}
