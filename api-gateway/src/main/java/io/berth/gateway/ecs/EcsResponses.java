package io.berth.gateway.ecs;

import jakarta.ws.rs.core.Response;
import java.util.UUID;

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

    public static Response of(EcsOutcome outcome) {
        Response.ResponseBuilder builder = Response.status(outcome.status())
                .type(CONTENT_TYPE)
                .header(REQUEST_ID, UUID.randomUUID().toString())
                .entity(outcome.body());
        if (outcome.errorType() != null) {
            builder.header(ERROR_TYPE, outcome.errorType());
        }
        return builder.build();
    }
}
