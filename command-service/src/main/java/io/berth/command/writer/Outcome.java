package io.berth.command.writer;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.LogPosition;
import io.berth.core.error.EcsError;
import java.util.List;

/**
 * What deciding one command produced: events to append (serialised {@code EventEnvelope}s, possibly
 * none) and the reply. A repeated
 * command id carries the first reply's position and no events; a command that appended nothing
 * is answered with the partition's current position so a following read sees what it saw.
 */
record Outcome(String commandId, List<byte[]> events, JsonNode result, EcsError error,
        LogPosition knownPosition) {

    static Outcome failure(String commandId, EcsError error) {
        return new Outcome(commandId, List.of(), null, error, null);
    }
}
