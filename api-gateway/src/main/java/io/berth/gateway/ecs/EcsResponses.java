package io.berth.gateway.ecs;

import io.berth.core.error.EcsError;
import io.berth.core.json.Json;
import jakarta.ws.rs.core.Response;

/**
 * Responses in the AWS JSON 1.1 protocol: {@code application/x-amz-json-1.1}, a request id
 * header, and errors as {@code {"__type": code, "message": text}} with the code also in
 * {@code x-amzn-ErrorType} (ecs-semantics §1.2).
 */
public final class EcsResponses {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    public static final String REQUEST_ID = "x-amzn-RequestId";
    public static final String ERROR_TYPE = "x-amzn-ErrorType";

    private EcsResponses() {
    }

    public static Response ok(byte[] body, String requestId) {
        return Response.ok(body, CONTENT_TYPE).header(REQUEST_ID, requestId).build();
    }

    public static Response error(EcsError error, String requestId) {
        return Response.status(error.code().httpStatus())
                .type(CONTENT_TYPE)
                .header(REQUEST_ID, requestId)
                .header(ERROR_TYPE, error.code().wireName())
                .entity(Json.toBytes(error))
                .build();
    }

    /** Relays an answer of the projection-service, which already speaks the same error format. */
    public static Response relay(int status, byte[] body, String requestId) {
        Response.ResponseBuilder builder = Response.status(status).type(CONTENT_TYPE).header(REQUEST_ID, requestId)
                .entity(body);
        if (status >= 400) {
            String type = Json.readTree(body).path("__type").asText(null);
            if (type != null) {
                builder.header(ERROR_TYPE, type);
            }
        }
        return builder.build();
    }
}
