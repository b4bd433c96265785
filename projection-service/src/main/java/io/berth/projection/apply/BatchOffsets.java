package io.berth.projection.apply;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offsets one batch moves: each partition's next offset as stored before the batch, and as
 * it stands after the records admitted so far. A record below its partition's next offset was
 * applied before (a redelivery) and is not admitted.
 */
final class BatchOffsets {

    private final Map<Integer, Long> appliedBefore;
    private final Map<Integer, Long> next;
    private int skipped;

    private BatchOffsets(Map<Integer, Long> appliedBefore) {
        this.appliedBefore = Map.copyOf(appliedBefore);
        this.next = new TreeMap<>(appliedBefore);
    }

    /** The offsets of the partitions the records are on; a partition missing from {@code applied} starts at 0. */
    static BatchOffsets of(Collection<LogRecord> records, Map<Integer, Long> applied) {
        Map<Integer, Long> before = new TreeMap<>();
        for (LogRecord record : records) {
            before.putIfAbsent(record.partition(), applied.getOrDefault(record.partition(), 0L));
        }
        return new BatchOffsets(before);
    }

    /** Whether the record is new to the views; if so, its partition's next offset moves past it. */
    boolean admit(LogRecord record) {
        if (record.offset() < next.get(record.partition())) {
            skipped++;
            return false;
        }
        next.put(record.partition(), record.offset() + 1);
        return true;
    }

    Map<Integer, Long> appliedBefore() {
        return appliedBefore;
    }

    Map<Integer, Long> next() {
        return next;
    }

    int skipped() {
        return skipped;
    }
}
