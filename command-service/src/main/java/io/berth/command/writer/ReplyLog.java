package io.berth.command.writer;

import io.berth.core.command.LogPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The results of the commands a partition applied, by command id, for the retention window.
 * Rebuilt from the event log (the last event of each command carries its result in a header),
 * so it survives restarts and moves with the partition. Entries are in log order, so expiry only
 * ever looks at the head.
 */
final class ReplyLog {

    private final Map<String, RecordedReply> byCommandId = new LinkedHashMap<>();
    private final Duration retention;

    ReplyLog(Duration retention) {
        this.retention = retention;
    }

    Optional<RecordedReply> find(String commandId) {
        return Optional.ofNullable(byCommandId.get(commandId));
    }

    void record(String commandId, RecordedReply reply, Instant now) {
        byCommandId.put(commandId, reply);
        Instant horizon = now.minus(retention);
        Iterator<RecordedReply> oldest = byCommandId.values().iterator();
        while (oldest.hasNext()) {
            if (!oldest.next().at().isBefore(horizon)) {
                break;
            }
            oldest.remove();
        }
    }

    /** Fills in where a recorded command's last event landed, once its offset is known. */
    void positioned(String commandId, LogPosition position) {
        byCommandId.computeIfPresent(commandId, (id, reply) -> reply.at(position));
    }

    int size() {
        return byCommandId.size();
    }
}
