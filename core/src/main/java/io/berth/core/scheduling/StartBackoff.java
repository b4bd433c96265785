package io.berth.core.scheduling;

import java.time.Duration;

/**
 * How long a service waits before launching again after tasks failed to start one after another
 * (ecs-semantics §4.6): nothing before the first failure, then 10 s, doubling with each further
 * consecutive failure, capped at 15 minutes. Berth's choice within what ECS documents: ECS gives
 * "incrementally longer" gaps up to 15 minutes and no formula.
 */
public final class StartBackoff {

    public static final Duration FIRST = Duration.ofSeconds(10);
    public static final Duration CAP = Duration.ofMinutes(15);

    private StartBackoff() {
    }

    /** The wait after {@code consecutiveFailures} start failures in a row. */
    public static Duration after(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - 1, 16);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }
}
