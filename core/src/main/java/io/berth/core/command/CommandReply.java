package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.error.EcsError;

/**
 * The answer to a command on {@code berth.replies} (key = command id): either the ECS response
 * body, or the ECS error. {@code position} is where the command's last event sits in
 * {@code berth.events} ({@code partition:offset}); readers that wait for the projection to pass
 * it see the write. A command that appended nothing has no position.
 */
public record CommandReply(String commandId, JsonNode result, EcsError error, LogPosition position) {

    public static CommandReply success(String commandId, JsonNode result, LogPosition position) {
        return new CommandReply(commandId, result, null, position);
    }

    public static CommandReply failure(String commandId, EcsError error) {
        return new CommandReply(commandId, null, error, null);
    }

    public boolean succeeded() {
        return error == null;
    }
}
