package io.berth.projection.query;

import io.berth.core.error.EcsError;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Turns failures into ECS error bodies {@code {"__type": code, "message": text}}: 400 for every
 * client error, 500 ServerException for anything unexpected (logged, never shown).
 */
@Provider
public class EcsErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(EcsErrorMapper.class);

    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof EcsException e) {
            return error(e.toError());
        }
        if (exception instanceof WebApplicationException e) {
            return e.getResponse();
        }
        LOG.error("query failed", exception);
        return error(new EcsError(ErrorCode.SERVER_EXCEPTION, "The projection failed to answer; see its log."));
    }

    static Response error(EcsError error) {
        return Response.status(error.code().httpStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(Json.toBytes(error))
                .build();
    }
}
