package io.berth.gateway.rest;

import io.berth.core.error.EcsException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A rejection thrown by a native REST resource answers like any other ECS error. */
public class EcsExceptionMapper {

    @ServerExceptionMapper
    public Response map(EcsException rejection) {
        return NativeApi.error(rejection.toError());
    }
}
