package io.berth.core.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.json.Json;

/** Builds ECS response bodies such as {@code {"cluster": {...}}}. */
public final class Responses {

    private Responses() {
    }

    public static ObjectNode of(String member, Object value) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set(member, Json.toTree(value));
        return body;
    }

    public static ObjectNode of(String member, Object value, String member2, Object value2) {
        ObjectNode body = of(member, value);
        body.set(member2, Json.toTree(value2));
        return body;
    }

    public static JsonNode empty() {
        return Json.MAPPER.createObjectNode();
    }
}
