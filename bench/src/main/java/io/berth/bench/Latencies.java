package io.berth.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run's latency samples, sorted once, read as percentiles in milliseconds (nearest rank). */
final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    static Latencies ofNanos(long[] nanos) {
        return new Latencies(nanos);
    }

    static Latencies ofNanos(Collection<Long> nanos) {
        return new Latencies(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    int count() {
        return sortedNanos.length;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds, to 0.01 ms; 0 with no samples. */
    double percentileMs(double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100 * sortedNanos.length) - 1);
        return round(sortedNanos[Math.max(0, index)] / 1e6, 2);
    }

    double medianMs() {
        return percentileMs(50);
    }

    /** The median, fastest and slowest sample in milliseconds, for a handful of runs. */
    Map<String, Double> summary() {
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("median", medianMs());
        summary.put("min", sortedNanos.length == 0 ? 0 : round(sortedNanos[0] / 1e6, 2));
        summary.put("max", percentileMs(100));
        return summary;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
