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

/**
 * Resident memory of the local stack's processes, from {@code /proc}: each named process, and
 * PostgreSQL's — the postmaster listening on the stack's port (it detaches from the supervisor)
 * and its backends — summed. The sum counts shared buffers once per process that touched them,
 * so it overstates PostgreSQL's real footprint.
 */
final class ProcessRss {

    private ProcessRss() {
    }

    /**
     * @param pids {@code name=pid,...} as {@code infra/berth} passes them (the supervisor, which also
     *        holds the embedded Kafka broker, is {@code supervisor})
     * @param postgresPort the port of the stack's PostgreSQL, or null
     * @return MiB by process name
     */
    static Map<String, Double> of(String pids, String postgresPort) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (String entry : pids.split(",")) {
            String[] parts = entry.split("=", 2);
            if (parts.length == 2 && !parts[1].isBlank()) {
                named.put(parts[0], Long.parseLong(parts[1].trim()));
            }
        }
        Map<String, Double> rss = new LinkedHashMap<>();
        named.forEach((name, pid) -> mebibytes(pid).ifPresent(mib -> rss.put(name, mib)));
        if (postgresPort != null) {
            ProcessHandle.allProcesses().filter(p -> isPostmaster(p, postgresPort)).findFirst().ifPresent(postmaster -> {
                List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
                all.add(postmaster);
                rss.put("postgresql (" + all.size() + " processes)",
                        all.stream().mapToDouble(p -> mebibytes(p.pid()).orElse(0.0)).sum());
            });
        }
        return rss;
    }

    private static boolean isPostmaster(ProcessHandle process, String port) {
        String[] args = process.info().arguments().orElse(new String[0]);
        return process.info().command().orElse("").endsWith("/postgres")
                && Arrays.asList(args).indexOf("-p") >= 0
                && port.equals(args[Arrays.asList(args).indexOf("-p") + 1]);
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
