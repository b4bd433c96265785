package io.berth.command.writer;

import io.berth.core.command.LogPosition;
import java.time.Instant;

/**
 * The first result of an applied command, kept to answer a retry of the same command id. The
 * result stays serialised: a day of commands is kept, and a tree per command costs several times
 * the bytes.
 */
record RecordedReply(byte[] result, LogPosition position, Instant at) {

    RecordedReply at(LogPosition newPosition) {
        return new RecordedReply(result, newPosition, at);
    }
}
