package io.berth.bench;

import java.util.List;

/** Median, minimum and maximum of a run's samples, for the result lines. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** "median X (min Y, max Z) over N runs", in the unit given. */
    static String line(List<Double> values, String unit) {
        return String.format("median %.1f %s (min %.1f, max %.1f) over %d runs", median(values), unit, min(values),
                max(values), values.size());
    }
}
