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
     * Serves one call of the ECS endpoint.
     *
     * @param invocationId the SDK's {@code amz-sdk-invocation-id}, the same on every retry of one
     *     call: it makes the command id, so a retried write is applied once
     */
    public Uni<EcsOutcome> dispatch(String target, String authorization, String invocationId, byte[] body) {
        try {
            String operation = EcsOperations.operation(target).orElseThrow(() -> new EcsException(
                    ErrorCode.UNKNOWN_OPERATION_EXCEPTION, "Unknown operation " + target + "."));
            Caller caller = callers.resolve(authorization, "ecs");
            return execute(operation, caller, invocationId, parse(body));
        } catch (EcsException rejected) {
            return Uni.createFrom().item(EcsOutcome.error(rejected.toError()));
        } catch (RuntimeException fault) {
            return Uni.createFrom().item(serverError(fault));
        }
    }

    /** Executes an ECS operation for a resolved caller; the native REST API enters here too. */
    public Uni<EcsOutcome> execute(String operation, Caller caller, String invocationId, JsonNode request) {
        try {
            return switch (EcsOperations.kind(operation)) {
                case WRITE -> write(operation, caller, invocationId, request);
                case READ -> read(operation, caller, request);
                case UNSUPPORTED -> throw new EcsException(ErrorCode.UNSUPPORTED_FEATURE_EXCEPTION,
                        "Berth does not support " + operation + " yet.");
            };
        } catch (EcsException rejected) {
            return Uni.createFrom().item(EcsOutcome.error(rejected.toError()));
        } catch (RuntimeException fault) {
            return Uni.createFrom().item(serverError(fault));
        }
    }

    /** Sends an internal command (not an ECS operation) for a caller and waits for its reply. */
    public Uni<EcsOutcome> command(Caller caller, Command command) {
        CommandEnvelope envelope = CommandEnvelope.of(UUID.randomUUID().toString(), caller.scope(), caller.actor(),
                UUID.randomUUID().toString(), clock.instant().truncatedTo(ChronoUnit.MILLIS), command);
        return send(envelope, command.boundary(caller.scope()).key(), caller);
    }

    private Uni<EcsOutcome> write(String operation, Caller caller, String invocationId, JsonNode request) {
        String commandId = invocationId == null || invocationId.isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((caller.sessionKey() + "|" + operation + "|" + invocationId)
                        .getBytes(StandardCharsets.UTF_8)).toString();
        CommandEnvelope envelope = new CommandEnvelope(commandId, operation, caller.scope().account(),
                caller.scope().region(), caller.actor(), UUID.randomUUID().toString(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), request);
        Command command = envelope.command();
        return send(envelope, command.boundary(caller.scope()).key(), caller);
    }

    private Uni<EcsOutcome> send(CommandEnvelope envelope, String key, Caller caller) {
        return bus.send(key, envelope)
                .map(reply -> answer(reply, caller))
                .onFailure(TimeoutException.class).recoverWithItem(() -> EcsOutcome.error(new EcsError(
                        ErrorCode.SERVER_EXCEPTION, "The request timed out before it was acknowledged; it may still "
                        + "be applied. Retrying the same call is safe.")))
                .onFailure().recoverWithItem(EcsDispatcher::serverError);
    }

    private EcsOutcome answer(CommandReply reply, Caller caller) {
        if (!reply.succeeded()) {
            if (reply.error().code() == ErrorCode.SERVER_EXCEPTION) {
                LOG.errorf("command %s failed in the command-service: %s", reply.commandId(), reply.error().message());
            }
            return EcsOutcome.error(reply.error());
        }
        positions.wrote(caller.sessionKey(), reply.position());
        JsonNode result = reply.result() == null ? Json.MAPPER.createObjectNode() : reply.result();
        return EcsOutcome.ok(Json.toBytes(result));
    }

    private Uni<EcsOutcome> read(String operation, Caller caller, JsonNode request) {
        return projection.ecs(operation, caller.scope().account(), caller.scope().region(),
                        positions.minPositionHeader(caller.sessionKey()), Json.toBytes(request))
                .map(answer -> answer.status() >= 500
                        ? serverError(new IllegalStateException("projection-service answered " + answer.status()
                                + ": " + new String(answer.body(), StandardCharsets.UTF_8)))
                        : relayed(answer))
                .onFailure().recoverWithItem(EcsDispatcher::serverError);
    }

    private static EcsOutcome relayed(ProjectionClient.Answer answer) {
        if (answer.status() < 400) {
            return EcsOutcome.ok(answer.body());
        }
        String type = null;
        try {
            type = Json.readTree(answer.body()).path("__type").asText(null);
        } catch (RuntimeException notJson) {
            // handled below: an error without an ECS type is the projection's fault, not the caller's
        }
        if (type == null) {
            return serverError(new IllegalStateException("projection-service answered " + answer.status()
                    + " without an ECS error: " + new String(answer.body(), StandardCharsets.UTF_8)));
        }
        return new EcsOutcome(answer.status(), answer.body(), type);
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

    /** An internal fault: logged with a correlation id that the client sees too. */
    private static EcsOutcome serverError(Throwable fault) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(fault, "internal fault (correlation id %s)", correlationId);
        return EcsOutcome.error(new EcsError(ErrorCode.SERVER_EXCEPTION,
                "An internal error occurred. Correlation id: " + correlationId));
    }
}
