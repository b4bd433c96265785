package io.berth.gateway.ecs;

import io.berth.core.error.EcsError;
import io.berth.core.json.Json;

/**
 * The result of one ECS operation as bytes ready for the wire: the response body, or an error
 * body with its type. Reads are relayed from the projection-service without being parsed.
 */
public record EcsOutcome(int status, byte[] body, String errorType) {

    public static EcsOutcome ok(byte[] body) {
        return new EcsOutcome(200, body, null);
    }

    public static EcsOutcome error(EcsError error) {
        return new EcsOutcome(error.code().httpStatus(), Json.toBytes(error), error.code().wireName());
    }

    public boolean succeeded() {
        return errorType == null;
    }
}
