package io.berth.projection.query;

import io.berth.core.error.EcsException;
import io.berth.projection.view.LogEventView;
import java.util.List;

/**
 * Where a line of output sorts among others: by timestamp, then by its place in berth.logs
 * (partition, offset, index in the batch), which is the order it was ingested in. A key also
 * marks a cut between lines: GetLogEvents' tokens and FilterLogEvents' nextToken are cuts.
 */
record LogEventKey(long timestamp, int partition, long offset, int index) {

    /** Sorts before every line. */
    static final LogEventKey FIRST = new LogEventKey(Long.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE,
            Integer.MIN_VALUE);
    /** Sorts after every line. */
    static final LogEventKey LAST = new LogEventKey(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
            Integer.MAX_VALUE);

    /** The HQL condition "sorts after the key in parameters ?n to ?n+3" ({@code >}) or "not after" ({@code <=}). */
    static String condition(String comparison, int firstParameter) {
        return "(e.timestamp, e.logPartition, e.logOffset, e.eventIndex) " + comparison + " (?" + firstParameter
                + ", ?" + (firstParameter + 1) + ", ?" + (firstParameter + 2) + ", ?" + (firstParameter + 3) + ")";
    }

    static final String ASCENDING = "e.timestamp, e.logPartition, e.logOffset, e.eventIndex";
    static final String DESCENDING = "e.timestamp desc, e.logPartition desc, e.logOffset desc, e.eventIndex desc";

    static LogEventKey of(LogEventView event) {
        return new LogEventKey(event.timestamp, event.logPartition, event.logOffset, event.eventIndex);
    }

    /** The greatest key below this line's: no line sorts between the two, as indexes are never negative. */
    LogEventKey justBefore() {
        return new LogEventKey(timestamp, partition, offset, index - 1);
    }

    List<Object> parameters() {
        return List.of(timestamp, partition, offset, index);
    }

    List<String> parts() {
        return List.of(String.valueOf(timestamp), String.valueOf(partition), String.valueOf(offset),
                String.valueOf(index));
    }

    /** The key of {@link #parts()}; anything else is an invalid token. */
    static LogEventKey of(List<String> parts) {
        try {
            if (parts.size() != 4) {
                throw invalidToken();
            }
            return new LogEventKey(Long.parseLong(parts.get(0)), Integer.parseInt(parts.get(1)),
                    Long.parseLong(parts.get(2)), Integer.parseInt(parts.get(3)));
        } catch (NumberFormatException e) {
            throw invalidToken();
        }
    }

    static EcsException invalidToken() {
        return EcsException.invalidParameter("The specified nextToken is invalid.");
    }
}
