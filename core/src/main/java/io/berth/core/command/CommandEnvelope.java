package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import java.time.Instant;

/**
 * A command as it travels on {@code berth.commands} (key = its boundary key). This is also the
 * documented format for automation writing commands straight to Kafka:
 *
 * <pre>{@code
 * {"commandId": "6f1c...", "type": "CreateCluster", "account": "000000000000", "region": "us-east-1",
 *  "actor": "automation:nightly", "correlationId": "...", "issuedAt": 1764160000.123,
 *  "payload": {"clusterName": "prod"}}
 * }</pre>
 *
 * The reply, keyed by {@code commandId}, appears on {@code berth.replies}. A command with an id
 * already applied returns the first reply and appends nothing.
 */
public record CommandEnvelope(
        String commandId,
        String type,
        String account,
        String region,
        String actor,
        String correlationId,
        Instant issuedAt,
        JsonNode payload) {

    public Scope scope() {
        return new Scope(account, region);
    }

    /** The typed payload; an unknown type or a payload of the wrong shape is the sender's error. */
    public Command command() {
        CommandType commandType = CommandType.byName(type)
                .orElseThrow(() -> EcsException.invalidParameter("Unknown command type: " + type));
        try {
            return Json.convert(payload == null ? Json.MAPPER.createObjectNode() : payload, commandType.payloadType());
        } catch (RuntimeException e) {
            throw EcsException.invalidParameter("Malformed " + type + " payload: " + rootMessage(e));
        }
    }

    public static CommandEnvelope of(String commandId, Scope scope, String actor, String correlationId,
            Instant issuedAt, Command command) {
        return new CommandEnvelope(commandId, CommandType.of(command).wireName(), scope.account(), scope.region(),
                actor, correlationId, issuedAt, Json.toTree(command));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
