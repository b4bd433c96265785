package io.berth.bench;

import java.util.Map;

/**
 * Scenario 6, footprint at idle: the resident memory of every process of the local stack (and of
 * PostgreSQL's processes summed) after {@code --settle-seconds} of nothing asked of it, and the
 * cores each keeps busy while idle (heartbeats, timers, polls). {@code idleRssMiB} is the total
 * without the benchmark process itself. The footprint under load is what the placement scenario
 * reports at its end ({@code rssMiB}).
 *
 * <p>Arguments: {@code --pids name=pid,... [--postgres-port N] [--settle-seconds 10]
 * [--measure-seconds 10] [--json FILE]}.
 */
public final class Footprint {

    private Footprint() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Options.required(options, "pids");
        double settle = Double.parseDouble(options.getOrDefault("settle-seconds", "10"));
        double measure = Double.parseDouble(options.getOrDefault("measure-seconds", "10"));
        StackProcesses processes = StackProcesses.of(options);
        Thread.sleep((long) (settle * 1000));
        Map<String, Double> cpuBefore = processes.cpuSeconds();
        Thread.sleep((long) (measure * 1000));
        Map<String, Double> cores = processes.coresSince(cpuBefore, measure);
        cores.remove("bench");
        Map<String, Double> rss = processes.rssMiB();
        double total = rss.entrySet().stream().filter(e -> !e.getKey().equals("bench"))
                .mapToDouble(Map.Entry::getValue).sum();
        rss.remove("bench");
        new BenchReport("footprint").put("idleRssMiB", Latencies.round(total, 1)).put("rssMiB", rss)
                .put("idleCores", cores).finish(options);
    }
}
