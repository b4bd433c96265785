package io.berth.bench;

import io.berth.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario's result: its metrics in the order they were put, printed as a table and, with
 * {@code --json FILE}, written as {@code {"scenario": name, "metrics": {...}}}. A metric's value is a
 * number, a boolean, null (not reached) or a map of them (one entry per process, per level).
 */
final class BenchReport {

    private final String scenario;
    private final Map<String, Object> metrics = new LinkedHashMap<>();

    BenchReport(String scenario) {
        this.scenario = scenario;
    }

    BenchReport put(String name, Object value) {
        metrics.put(name, value);
        return this;
    }

    Map<String, Object> metrics() {
        return metrics;
    }

    /** Prints the table, then writes the JSON file if the options name one. */
    void finish(Map<String, String> options) throws IOException {
        System.out.println();
        System.out.println(scenario + " results");
        print("", metrics);
        String file = options.get("json");
        if (file != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("scenario", scenario);
            document.put("metrics", metrics);
            Files.write(Path.of(file), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            System.out.println("written to " + file);
        }
    }

    private static void print(String prefix, Map<?, ?> values) {
        values.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                print(prefix + name + ".", nested);
            } else {
                System.out.printf("  %-46s %12s%n", prefix + name, value instanceof Double d ? format(d) : value);
            }
        });
    }

    private static String format(double value) {
        return Math.abs(value) >= 100 ? String.format("%.0f", value) : String.format("%.2f", value);
    }
}
