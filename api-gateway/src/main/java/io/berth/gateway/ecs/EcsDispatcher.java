package io.berth.gateway.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.Command;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.CommandReply;
import io.berth.core.error.EcsError;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.gateway.auth.Caller;
import io.berth.gateway.auth.CallerResolver;
import io.berth.gateway.read.ProjectionClient;
import io.berth.gateway.read.ReadPositions;
import io.berth.gateway.write.CommandBus;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Serves one ECS operation: resolves the caller, then turns a write into a command and waits for
 * its reply, or forwards a read to the projection-service with the caller's read-your-writes
 * positions. Every failure becomes an ECS error; internal faults are logged with the request id.
 */
@ApplicationScoped
public class EcsDispatcher {

    private static final Logger LOG = Logger.getLogger(EcsDispatcher.class);

    private final CallerResolver callers;
    private final CommandBus bus;
    private final ProjectionClient projection;
    private final ReadPositions positions;
    private final Clock clock = Clock.systemUTC();

    public EcsDispatcher(CallerResolver callers, CommandBus bus, ProjectionClient projection,
            ReadPositions positions) {
        this.callers = callers;
        this.bus = bus;
        this.projection = projection;
        this.positions = positions;
    }

    /**
     * @param invocationId the SDK's {@code amz-sdk-invocation-id}, the same on every retry of one
     *     call: it makes the command id, so a retried write is applied once
     */
    public Uni<Response> dispatch(String target, String authorization, String invocationId, byte[] body) {
        String requestId = UUID.randomUUID().toString();
        try {
            String operation = EcsOperations.operation(target).orElseThrow(() -> new EcsException(
                    ErrorCode.UNKNOWN_OPERATION_EXCEPTION, "Unknown operation " + target + "."));
            Caller caller = callers.resolve(authorization, "ecs");
            JsonNode request = parse(body);
            return switch (EcsOperations.kind(operation)) {
                case WRITE -> write(operation, caller, invocationId, request, requestId);
                case READ -> read(operation, caller, request, requestId);
                case UNSUPPORTED -> throw new EcsException(ErrorCode.UNSUPPORTED_FEATURE_EXCEPTION,
                        "Berth does not support " + operation + " yet.");
            };
        } catch (EcsException rejected) {
            return Uni.createFrom().item(EcsResponses.error(rejected.toError(), requestId));
        } catch (RuntimeException fault) {
            return Uni.createFrom().item(serverError(fault, requestId));
        }
    }

    private Uni<Response> write(String operation, Caller caller, String invocationId, JsonNode request,
            String requestId) {
        String commandId = invocationId == null || invocationId.isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((caller.sessionKey() + "|" + operation + "|" + invocationId)
                        .getBytes(StandardCharsets.UTF_8)).toString();
        CommandEnvelope envelope = new CommandEnvelope(commandId, operation, caller.scope().account(),
                caller.scope().region(), caller.actor(), requestId, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                request);
        Command command = envelope.command();
        String key = command.boundary(caller.scope()).key();
        return bus.send(key, envelope)
                .map(reply -> answer(reply, caller, requestId))
                .onFailure(TimeoutException.class).recoverWithItem(() -> EcsResponses.error(new EcsError(
                        ErrorCode.SERVER_EXCEPTION, "The request timed out before it was acknowledged; it may still "
                        + "be applied. Retrying the same call is safe."), requestId))
                .onFailure().recoverWithItem(fault -> serverError(fault, requestId));
    }

    private Response answer(CommandReply reply, Caller caller, String requestId) {
        if (!reply.succeeded()) {
            if (reply.error().code() == ErrorCode.SERVER_EXCEPTION) {
                LOG.errorf("%s failed in the command-service (request id %s): %s", reply.commandId(), requestId,
                        reply.error().message());
            }
            return EcsResponses.error(reply.error(), requestId);
        }
        positions.wrote(caller.sessionKey(), reply.position());
        JsonNode result = reply.result() == null ? Json.MAPPER.createObjectNode() : reply.result();
        return EcsResponses.ok(Json.toBytes(result), requestId);
    }

    private Uni<Response> read(String operation, Caller caller, JsonNode request, String requestId) {
        return projection.ecs(operation, caller.scope().account(), caller.scope().region(),
                        positions.minPositionHeader(caller.sessionKey()), Json.toBytes(request))
                .map(answer -> answer.status() >= 500
                        ? serverError(new IllegalStateException("projection-service answered " + answer.status()
                                + ": " + new String(answer.body(), StandardCharsets.UTF_8)), requestId)
                        : EcsResponses.relay(answer.status(), answer.body(), requestId))
                .onFailure().recoverWithItem(fault -> serverError(fault, requestId));
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.readTree(body);
            if (!node.isObject()) {
                throw new EcsException(ErrorCode.SERIALIZATION_EXCEPTION, "The request body must be a JSON object.");
            }
            return node;
        } catch (java.io.UncheckedIOException e) {
            throw new EcsException(ErrorCode.SERIALIZATION_EXCEPTION, "The request body is not valid JSON.");
        }
    }

    private static Response serverError(Throwable fault, String requestId) {
        LOG.errorf(fault, "internal fault (request id %s)", requestId);
        return EcsResponses.error(new EcsError(ErrorCode.SERVER_EXCEPTION,
                "An internal error occurred. Request id: " + requestId), requestId);
    }
}
