package io.berth.projection.replay;

import java.time.Duration;

/** How many events a replay applied and how long it took. */
public record ReplayReport(long events, Duration elapsed) {

    public long eventsPerSecond() {
        long millis = Math.max(1, elapsed.toMillis());
        return events * 1000 / millis;
    }

    /** {@code replayed <n> events in <ms> ms (<rate> events/s)} */
    public String line() {
        return "replayed " + events + " events in " + elapsed.toMillis() + " ms (" + eventsPerSecond() + " events/s)";
    }
}
