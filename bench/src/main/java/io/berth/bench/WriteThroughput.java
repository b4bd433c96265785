package io.berth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scenario 3, API writes: callers in a closed loop, each repeating CreateService (desired count 0),
 * UpdateService of that service, RunTask of one task and StopTask of it, over {@code --clusters}
 * clusters of simulated instances, through the ECS endpoint. Every answer comes after the
 * command's events are durable in Kafka (the gateway answers from the command-service's reply,
 * sent in the event's transaction). Run at each concurrency of {@code --levels};
 * {@code commandsPerSecond} and {@code commandP99Ms} are those of the level with the most commands
 * per second.
 *
 * <p>Then, to show the command-service alone and the effect of batching commands per Kafka
 * transaction, {@link DirectCommands} writes CreateCluster commands straight to berth.commands
 * with 1 and with {@code --direct-in-flight} commands in flight.
 *
 * <p>Arguments: {@code --endpoint URL --bootstrap host:port [--pids ...] [--postgres-port N]
 * [--levels 1,8,32,128] [--clusters 4] [--instances-per-cluster 10] [--stack-warmup-seconds 20]
 * [--warmup-seconds 3]
 * [--seconds 15] [--direct-commands 20000] [--direct-in-flight 256] [--json FILE]}.
 */
public final class WriteThroughput {

    private static final String REGION = "us-east-1";

    private WriteThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String endpoint = Options.required(options, "endpoint");
        String bootstrap = Options.required(options, "bootstrap");
        List<Integer> levels = Options.integers(options.getOrDefault("levels", "1,8,32,128"));
        int clusters = Integer.parseInt(options.getOrDefault("clusters", "4"));
        int instancesPerCluster = Integer.parseInt(options.getOrDefault("instances-per-cluster", "10"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup-seconds", "3"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "15"));
        double stackWarmup = Double.parseDouble(options.getOrDefault("stack-warmup-seconds", "20"));
        int directCommands = Integer.parseInt(options.getOrDefault("direct-commands", "20000"));
        int directInFlight = Integer.parseInt(options.getOrDefault("direct-in-flight", "256"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        StackProcesses processes = StackProcesses.of(options);
        BenchReport report = new BenchReport("writes");

        List<SimulatedFleet> fleets = new ArrayList<>();
        try {
            EcsHttp http = new EcsHttp(endpoint);
            List<String> names = new ArrayList<>();
            for (int c = 0; c < clusters; c++) {
                String cluster = "bench-writes-" + run + "-" + c;
                names.add(cluster);
                http.call("CreateCluster", "{\"clusterName\":\"" + cluster + "\"}");
                SimulatedFleet fleet = new SimulatedFleet(endpoint, cluster, REGION, "writes-" + run + "-" + c,
                        instancesPerCluster, 32);
                fleets.add(fleet);
                fleet.start(Duration.ofMinutes(2));
            }
            http.call("RegisterTaskDefinition", "{\"family\":\"bench-writes\",\"containerDefinitions\":[{\"name\":"
                    + "\"app\",\"image\":\"berth/simulated:latest\",\"cpu\":1,\"memory\":6,\"essential\":true}]}");
            System.out.printf("writes: %d clusters of %d simulated instances; each caller repeats CreateService, "
                    + "UpdateService, RunTask, StopTask%n", clusters, instancesPerCluster);

            // the middle level first, unmeasured: the JIT compiles the write paths of every service
            Map<Integer, String> warmTasks = new ConcurrentHashMap<>();
            int warmLevel = levels.get(levels.size() / 2);
            ClosedLoop.run(warmLevel, 0, stackWarmup, (caller, n) -> command(http, names.get(caller % clusters),
                    run + "-warm-" + caller, n, caller, warmTasks));
            Map<String, Object> byLevel = new LinkedHashMap<>();
            ClosedLoop.Result best = null;
            for (int level : levels) {
                Map<Integer, String> lastTask = new ConcurrentHashMap<>();
                Map<String, Double> cpuBefore = processes.cpuSeconds();
                ClosedLoop.Result result = ClosedLoop.run(level, warmup, seconds,
                        (caller, n) -> command(http, names.get(caller % clusters), run + "-" + level + "-" + caller,
                                n, caller, lastTask));
                Map<String, Object> row = result.metrics();
                Map<String, Object> byKind = new LinkedHashMap<>();
                result.byKind().forEach((kind, latencies) -> byKind.put(kind, Map.of("p50Ms", latencies.medianMs(),
                        "p99Ms", latencies.percentileMs(99))));
                row.put("byOperation", byKind);
                row.put("cores", processes.coresSince(cpuBefore, warmup + seconds));
                byLevel.put("concurrency" + level, row);
                System.out.printf("  API      concurrency %3d: %8.0f commands/s  p50 %6.2f ms  p99 %6.2f ms  "
                                + "p99.9 %6.2f ms  errors %d%s%n", level, result.perSecond(),
                        result.latencies().medianMs(), result.latencies().percentileMs(99),
                        result.latencies().percentileMs(99.9), result.errors(),
                        result.firstError() == null ? "" : " (" + result.firstError() + ")");
                if (best == null || result.perSecond() > best.perSecond()) {
                    best = result;
                }
            }
            report.put("commandsPerSecond", best.perSecond())
                    .put("commandP99Ms", best.latencies().percentileMs(99))
                    .put("commandP50Ms", best.latencies().medianMs())
                    .put("atConcurrency", best.callers())
                    .put("api", byLevel);
        } finally {
            fleets.forEach(SimulatedFleet::close);
        }

        Map<String, Object> direct = new LinkedHashMap<>();
        try (DirectCommands commands = new DirectCommands(bootstrap)) {
            commands.run(run + "-warm", Math.min(2000, directCommands), directInFlight);
            for (int inFlight : List.of(1, directInFlight)) {
                int count = inFlight == 1 ? Math.min(directCommands, 2000) : directCommands;
                DirectCommands.Result result = commands.run(run + "-" + inFlight, count, inFlight);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("perSecond", result.perSecond());
                row.put("p50Ms", result.latencies().medianMs());
                row.put("p99Ms", result.latencies().percentileMs(99));
                row.put("errors", result.errors());
                direct.put("inFlight" + inFlight, row);
                System.out.printf("  direct   in flight   %3d: %8.0f commands/s  p50 %6.2f ms  p99 %6.2f ms  "
                                + "errors %d%n", inFlight, result.perSecond(), result.latencies().medianMs(),
                        result.latencies().percentileMs(99), result.errors());
            }
        }
        report.put("commandServiceAlone", direct).put("rssMiB", processes.rssMiB()).finish(options);
    }

    /**
     * The caller's {@code n}-th command: CreateService, UpdateService, RunTask, StopTask in turn,
     * on the caller's own services and tasks.
     */
    private static String command(EcsHttp http, String cluster, String prefix, long n, int caller,
            Map<Integer, String> lastTask) throws Exception {
        String service = "\"cluster\":\"" + cluster + "\",\"service\":\"w-" + prefix + "-" + n / 4 + "\"";
        return switch ((int) (n % 4)) {
            case 0 -> http.kind("CreateService", "{\"cluster\":\"" + cluster + "\",\"serviceName\":\"w-" + prefix
                    + "-" + n / 4 + "\",\"taskDefinition\":\"bench-writes\",\"desiredCount\":0}");
            case 1 -> http.kind("UpdateService", "{" + service + ",\"deploymentConfiguration\":"
                    + "{\"minimumHealthyPercent\":50,\"maximumPercent\":200}}");
            case 2 -> {
                JsonNode answer = Json.MAPPER.readTree(http.call("RunTask", "{\"cluster\":\"" + cluster
                        + "\",\"taskDefinition\":\"bench-writes\",\"startedBy\":\"bench-writes\"}"));
                if (answer.path("tasks").isEmpty()) {
                    throw new IllegalStateException("RunTask placed nothing: " + answer.path("failures"));
                }
                lastTask.put(caller, answer.path("tasks").get(0).path("taskArn").asText());
                yield "RunTask";
            }
            default -> {
                String task = lastTask.remove(caller);
                if (task == null) {
                    throw new IllegalStateException("no task of this caller to stop (its RunTask failed)");
                }
                yield http.kind("StopTask", "{\"cluster\":\"" + cluster + "\",\"task\":\"" + task + "\"}");
            }
        };
    }
}
