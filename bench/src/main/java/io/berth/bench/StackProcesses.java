package io.berth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The local stack's processes, from {@code /proc}: the resident memory and CPU time of each named
 * process, and of PostgreSQL's — the postmaster listening on the stack's port (it detaches from the supervisor)
 * and its backends — summed. The sum counts shared buffers once per process that touched them,
 * so it overstates PostgreSQL's real footprint.
 */
final class StackProcesses {

    private final String pids;
    private final String postgresPort;

    /**
     * @param pids {@code name=pid,...} as {@code infra/berth} passes them (the supervisor, which also
     *        holds the embedded Kafka broker, is {@code supervisor})
     * @param postgresPort the port of the stack's PostgreSQL, or null
     */
    StackProcesses(String pids, String postgresPort) {
        this.pids = pids;
        this.postgresPort = postgresPort;
    }

    /** The processes {@code --pids} and {@code --postgres-port} name (none if absent). */
    static StackProcesses of(Map<String, String> options) {
        return new StackProcesses(options.getOrDefault("pids", ""), options.get("postgres-port"));
    }

    /** MiB resident by process name, the benchmark process itself as {@code bench}, to 0.1 MiB. */
    Map<String, Double> rssMiB() {
        Map<String, Double> rss = new LinkedHashMap<>(measure(pids, postgresPort, StackProcesses::mebibytes));
        rss.putAll(measure("bench=" + ProcessHandle.current().pid(), null, StackProcesses::mebibytes));
        rss.replaceAll((name, mib) -> Latencies.round(mib, 1));
        return rss;
    }

    /** CPU seconds (user and system) each has used since it started, the benchmark process as {@code bench}. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>(measure(pids, postgresPort, StackProcesses::cpuSeconds));
        cpu.putAll(measure("bench=" + ProcessHandle.current().pid(), null, StackProcesses::cpuSeconds));
        return cpu;
    }

    /** CPU seconds each used since {@code before} was taken, to 0.1 s. */
    Map<String, Double> cpuSecondsSince(Map<String, Double> before) {
        Map<String, Double> used = new LinkedHashMap<>();
        cpuSeconds().forEach((name, seconds) ->
                used.put(name, Latencies.round(seconds - before.getOrDefault(name, 0.0), 1)));
        return used;
    }

    /** Cores each kept busy on average over the {@code elapsed} seconds since {@code before}. */
    Map<String, Double> coresSince(Map<String, Double> before, double elapsed) {
        Map<String, Double> cores = new LinkedHashMap<>();
        cpuSecondsSince(before).forEach((name, seconds) -> cores.put(name, Latencies.round(seconds / elapsed, 2)));
        return cores;
    }

    private static Map<String, Double> measure(String pids, String postgresPort,
            Function<Long, Optional<Double>> measure) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (String entry : pids.split(",")) {
            String[] parts = entry.split("=", 2);
            if (parts.length == 2 && !parts[1].isBlank()) {
                named.put(parts[0], Long.parseLong(parts[1].trim()));
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        named.forEach((name, pid) -> measure.apply(pid).ifPresent(value -> values.put(name, value)));
        if (postgresPort != null) {
            ProcessHandle.allProcesses().filter(p -> isPostmaster(p, postgresPort)).findFirst().ifPresent(postmaster -> {
                List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
                all.add(postmaster);
                values.put("postgresql", all.stream().mapToDouble(p -> measure.apply(p.pid()).orElse(0.0)).sum());
            });
        }
        return values;
    }

    private static boolean isPostmaster(ProcessHandle process, String port) {
        String[] args = process.info().arguments().orElse(new String[0]);
        return process.info().command().orElse("").endsWith("/postgres")
                && Arrays.asList(args).indexOf("-p") >= 0
                && port.equals(args[Arrays.asList(args).indexOf("-p") + 1]);
    }

    /** utime + stime of /proc/PID/stat, in clock ticks of 1/100 s (Linux's USER_HZ). */
    private static Optional<Double> cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> mebibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone: nothing to report for it
        }
        return Optional.empty();
    }
}
