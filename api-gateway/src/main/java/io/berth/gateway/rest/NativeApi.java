package io.berth.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.error.EcsError;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.gateway.auth.Caller;
import io.berth.gateway.auth.CallerResolver;
import io.berth.gateway.ecs.EcsDispatcher;
import io.berth.gateway.ecs.EcsOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * What every native REST resource shares: callers are resolved like ECS callers (a SigV4
 * {@code Authorization} header, or the local default), operations run through the same
 * {@link EcsDispatcher} as the ECS endpoint, and ECS errors map to HTTP statuses (not-found types
 * to 404) with the same {@code {"__type","message"}} body.
 */
@ApplicationScoped
public class NativeApi {

    private final CallerResolver callers;
    private final EcsDispatcher dispatcher;

    public NativeApi(CallerResolver callers, EcsDispatcher dispatcher) {
        this.callers = callers;
        this.dispatcher = dispatcher;
    }

    public Caller caller(String authorization) {
        return callers.resolve(authorization, "ecs");
    }

    /** Runs an ECS operation and answers with its response body as it is. */
    public Uni<Response> call(String authorization, String operation, ObjectNode request) {
        return call(authorization, operation, request, Function.identity());
    }

    /** Runs an ECS operation and answers with a part of its response, or the error. */
    public Uni<Response> call(String authorization, String operation, ObjectNode request,
            Function<JsonNode, JsonNode> answer) {
        try {
            return dispatcher.execute(operation, caller(authorization), null, request)
                    .map(outcome -> respond(outcome, answer));
        } catch (io.berth.core.error.EcsException rejected) {
            return Uni.createFrom().item(error(rejected.toError()));
        }
    }

    static Response respond(EcsOutcome outcome, Function<JsonNode, JsonNode> answer) {
        if (!outcome.succeeded()) {
            JsonNode body = Json.readTree(outcome.body());
            int status = outcome.errorType().endsWith("NotFoundException") ? 404 : outcome.status();
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Json.toBytes(body)).build();
        }
        JsonNode shown = answer.apply(Json.readTree(outcome.body()));
        if (shown == null || shown.isMissingNode()) {
            return error(new EcsError(ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION, "The resource does not exist."));
        }
        return Response.ok(Json.toBytes(shown), MediaType.APPLICATION_JSON).build();
    }

    static Response error(EcsError error) {
        int status = error.code().wireName().endsWith("NotFoundException") ? 404 : error.code().httpStatus();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Json.toBytes(error)).build();
    }

    /** A new ECS request body. */
    public static ObjectNode request() {
        return Json.MAPPER.createObjectNode();
    }

    /** A List* request body asking for one page. */
    public static ObjectNode page(String nextToken, Integer maxResults) {
        ObjectNode request = request();
        request.put("nextToken", nextToken);
        if (maxResults != null) {
            request.put("maxResults", maxResults);
        }
        return request;
    }

    /** A request body from a client's JSON, which must be an object. */
    public static ObjectNode request(JsonNode body) {
        return body != null && body.isObject() ? ((ObjectNode) body).deepCopy() : request();
    }

    /** The first element of an array member, or missing when there is none (a describe's MISSING). */
    public static JsonNode first(JsonNode response, String member) {
        JsonNode items = response.path(member);
        return items.isArray() && !items.isEmpty() ? items.get(0) : com.fasterxml.jackson.databind.node.MissingNode
                .getInstance();
    }
}
