package io.berth.command.writer;

import io.berth.core.arn.Boundary;
import io.berth.core.decide.BoundaryState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the owner of one partition holds in memory: the state of each boundary whose key
 * hashes to the partition, the results of recently applied commands, and the offset of the last
 * event in the partition.
 */
final class PartitionState {

    private final int partition;
    private final Map<String, BoundaryState> boundaries = new HashMap<>();
    private final ReplyLog replies;
    private long lastEventOffset = -1;

    PartitionState(int partition, Duration replyRetention) {
        this.partition = partition;
        this.replies = new ReplyLog(replyRetention);
    }

    int partition() {
        return partition;
    }

    BoundaryState boundary(Boundary boundary) {
        return boundaries.computeIfAbsent(boundary.key(), k -> BoundaryState.empty(boundary));
    }

    ReplyLog replies() {
        return replies;
    }

    long lastEventOffset() {
        return lastEventOffset;
    }

    void eventWrittenAt(long offset) {
        lastEventOffset = Math.max(lastEventOffset, offset);
    }

    int boundaryCount() {
        return boundaries.size();
    }
}
