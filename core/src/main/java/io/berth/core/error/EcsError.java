package io.berth.core.error;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** An ECS error as it travels in replies and on the wire: {@code {"__type": code, "message": text}}. */
public record EcsError(ErrorCode code, String message) {

    public EcsError {
        message = message == null ? "" : message;
    }

    @JsonCreator
    static EcsError fromWire(@JsonProperty("__type") String type, @JsonProperty("message") String message) {
        return new EcsError(ErrorCode.fromWireName(type), message);
    }

    @JsonValue
    Map<String, String> toWire() {
        return Map.of("__type", code.wireName(), "message", message);
    }
}
