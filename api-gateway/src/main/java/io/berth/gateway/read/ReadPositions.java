package io.berth.gateway.read;

import io.berth.core.command.LogPosition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Read-your-writes (design rule 6): the log positions of each caller's acknowledged writes, by
 * partition. A read by the same caller asks the projection to have applied at least these.
 */
@ApplicationScoped
public class ReadPositions {

    private final Map<String, Map<Integer, Long>> bySession = new ConcurrentHashMap<>();

    public void wrote(String sessionKey, LogPosition position) {
        if (position != null) {
            bySession.computeIfAbsent(sessionKey, k -> new ConcurrentHashMap<>())
                    .merge(position.partition(), position.offset(), Math::max);
        }
    }

    /** The {@code X-Berth-Min-Position} value for a caller: {@code p:o,p:o}, or null if it wrote nothing. */
    public String minPositionHeader(String sessionKey) {
        Map<Integer, Long> positions = bySession.get(sessionKey);
        if (positions == null || positions.isEmpty()) {
            return null;
        }
        return positions.entrySet().stream()
                .map(e -> new LogPosition(e.getKey(), e.getValue()).toString())
                .collect(Collectors.joining(","));
    }
}
