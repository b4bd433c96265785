package io.berth.core.command;

import io.berth.core.error.EcsException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Positions in a topic as {@code partition:offset} lists (the {@code X-Berth-Min-Position} header
 * of the projection's reads — berth.events for the ECS reads, berth.logs for the logs reads — and
 * of the scheduler's dry run; the audit's {@code after}): for each partition, the highest offset
 * named.
 */
public final class LogPositions {

    private LogPositions() {
    }

    public static Map<Integer, Long> parse(String header) {
        Map<Integer, Long> positions = new TreeMap<>();
        if (header == null || header.isBlank()) {
            return positions;
        }
        for (String item : header.split(",")) {
            String[] parts = item.trim().split(":");
            if (parts.length != 2) {
                throw invalid(header);
            }
            try {
                int partition = Integer.parseInt(parts[0]);
                long offset = Long.parseLong(parts[1]);
                if (partition < 0 || offset < 0) {
                    throw invalid(header);
                }
                positions.merge(partition, offset, Math::max);
            } catch (NumberFormatException e) {
                throw invalid(header);
            }
        }
        return positions;
    }

    public static String format(int partition, long offset) {
        return partition + ":" + offset;
    }

    private static EcsException invalid(String text) {
        return EcsException.invalidParameter("Log positions must be a comma-separated list of partition:offset, not "
                + text);
    }
}
