package io.berth.core.scheduling;

import io.berth.core.model.ThresholdConfiguration;

/**
 * How many failed tasks trip a deployment's circuit breaker (ecs-semantics §5.3), D being the
 * service's desired count: {@code clamp(ceil(D/2), 3, 200)} by default; with a threshold
 * configuration BOUNDED_PERCENT v gives {@code clamp(ceil(v% of D), 3, 200)}, UNBOUNDED_PERCENT v
 * gives {@code ceil(v% of D)} (at least 1) and COUNT v gives v.
 */
public final class CircuitBreakerThreshold {

    public static final int FLOOR = 3;
    public static final int CEILING = 200;
    public static final int DEFAULT_PERCENT = 50;

    private CircuitBreakerThreshold() {
    }

    public static int of(int desiredCount, ThresholdConfiguration configuration) {
        String type = configuration == null || configuration.type() == null ? "BOUNDED_PERCENT" : configuration.type();
        Integer value = configuration == null ? null : configuration.value();
        return switch (type) {
            case "COUNT" -> Math.max(1, value == null ? FLOOR : value);
            case "UNBOUNDED_PERCENT" -> Math.max(1, percentOf(desiredCount, value == null ? DEFAULT_PERCENT : value));
            default -> Math.max(FLOOR, Math.min(CEILING, percentOf(desiredCount,
                    value == null ? DEFAULT_PERCENT : value)));
        };
    }

    private static int percentOf(int desiredCount, int percent) {
        return (int) (((long) desiredCount * percent + 99) / 100);
    }
}
