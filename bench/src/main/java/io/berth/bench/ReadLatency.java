package io.berth.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Scenario 2, API reads: DescribeServices (one service a call), DescribeTasks (ten tasks a call)
 * and ListTasks (a service's tasks) against a cluster of simulated instances running
 * {@code --services} services of {@code --tasks-per-service} tasks, each operation at every
 * concurrency of {@code --levels} over keep-alive connections ({@link EcsHttp}, closed loop).
 * The headline, {@code describeServicesPerSecond} and {@code describeServicesP99Ms}, is
 * DescribeServices at the highest level.
 *
 * <p>Arguments: {@code --endpoint URL [--pids name=pid,...] [--postgres-port N] [--services 10]
 * [--tasks-per-service 10] [--instances 20] [--levels 1,8,32] [--stack-warmup-seconds 30]
 * [--warmup-seconds 3] [--seconds 10]
 * [--operations describeServices,describeTasks,listTasks] [--json FILE]}.
 */
public final class ReadLatency {

    private static final String REGION = "us-east-1";
    private static final int TASKS_PER_DESCRIBE = 10;

    private ReadLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String endpoint = Options.required(options, "endpoint");
        int services = Integer.parseInt(options.getOrDefault("services", "10"));
        int tasksPerService = Integer.parseInt(options.getOrDefault("tasks-per-service", "10"));
        int instances = Integer.parseInt(options.getOrDefault("instances", "20"));
        List<Integer> levels = Options.integers(options.getOrDefault("levels", "1,8,32"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup-seconds", "3"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
        double stackWarmup = Double.parseDouble(options.getOrDefault("stack-warmup-seconds", "30"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        String cluster = "bench-reads-" + run;

        BenchReport report = new BenchReport("reads");
        try (EcsClient ecs = BenchClients.ecs(endpoint);
                SimulatedFleet fleet = new SimulatedFleet(endpoint, cluster, REGION, "reads-" + run, instances, 32)) {
            ecs.createCluster(b -> b.clusterName(cluster));
            fleet.start(Duration.ofMinutes(2));
            String definition = ecs.registerTaskDefinition(b -> b.family("bench-reads")
                    .containerDefinitions(ContainerDefinition.builder().name("app").image("berth/simulated:latest")
                            .cpu(16).memory(32).essential(true).build()))
                    .taskDefinition().taskDefinitionArn();
            List<String> names = new ArrayList<>();
            for (int s = 0; s < services; s++) {
                String name = "reads-" + s;
                names.add(name);
                ecs.createService(b -> b.cluster(cluster).serviceName(name).taskDefinition(definition)
                        .desiredCount(tasksPerService));
            }
            awaitSteady(ecs, cluster, names, tasksPerService);
            List<String> tasks = ecs.listTasksPaginator(b -> b.cluster(cluster)).taskArns().stream().toList();
            System.out.printf("reads: cluster %s, %d services of %d tasks RUNNING on %d simulated instances%n",
                    cluster, services, tasksPerService, instances);

            EcsHttp http = new EcsHttp(endpoint);
            Map<String, ClosedLoop.Call> operations = new LinkedHashMap<>();
            operations.put("describeServices", (caller, n) -> http.kind("DescribeServices",
                    "{\"cluster\":\"" + cluster + "\",\"services\":[\"" + names.get(index(caller, n, services))
                            + "\"]}"));
            operations.put("describeTasks", (caller, n) -> http.kind("DescribeTasks",
                    "{\"cluster\":\"" + cluster + "\",\"tasks\":" + tenTasks(tasks, index(caller, n, tasks.size()))
                            + "}"));
            operations.put("listTasks", (caller, n) -> http.kind("ListTasks",
                    "{\"cluster\":\"" + cluster + "\",\"serviceName\":\"" + names.get(index(caller, n, services))
                            + "\"}"));

            StackProcesses processes = StackProcesses.of(options);
            List<String> chosen = List.of(options.getOrDefault("operations", String.join(",", operations.keySet()))
                    .split(","));
            operations.keySet().retainAll(chosen);
            // every operation at the middle level first, unmeasured: the JIT compiles the read paths of
            // the gateway and the projection (a cold stack answers several times slower)
            for (ClosedLoop.Call call : operations.values()) {
                ClosedLoop.run(levels.get(levels.size() / 2), 0, stackWarmup / operations.size(), call);
            }
            for (Map.Entry<String, ClosedLoop.Call> operation : operations.entrySet()) {
                Map<String, Object> byLevel = new LinkedHashMap<>();
                for (int level : levels) {
                    Map<String, Double> cpuBefore = processes.cpuSeconds();
                    ClosedLoop.Result result = ClosedLoop.run(level, warmup, seconds, operation.getValue());
                    Map<String, Object> row = result.metrics();
                    row.put("cores", processes.coresSince(cpuBefore, warmup + seconds));
                    byLevel.put("concurrency" + level, row);
                    System.out.printf("  %-17s concurrency %3d: %8.0f/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms"
                                    + "  errors %d%s%n", operation.getKey(), level, result.perSecond(),
                            result.latencies().medianMs(), result.latencies().percentileMs(99),
                            result.latencies().percentileMs(99.9), result.errors(),
                            result.firstError() == null ? "" : " (" + result.firstError() + ")");
                    if (operation.getKey().equals("describeServices") && level == levels.get(levels.size() - 1)) {
                        report.put("describeServicesPerSecond", result.perSecond());
                        report.put("describeServicesP99Ms", result.latencies().percentileMs(99));
                    }
                }
                report.put(operation.getKey(), byLevel);
            }
            report.put("rssMiB", processes.rssMiB());
        }
        report.finish(options);
    }

    /** A caller-spread index, so concurrent callers ask for different resources. */
    private static int index(int caller, long sequence, int size) {
        return (int) ((caller * 7919L + sequence) % size);
    }

    private static String tenTasks(List<String> tasks, int from) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < TASKS_PER_DESCRIBE; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(tasks.get((from + i) % tasks.size())).append('"');
        }
        return json.append(']').toString();
    }

    private static void awaitSteady(EcsClient ecs, String cluster, List<String> names, int desired)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            List<Service> services = new ArrayList<>();
            for (int from = 0; from < names.size(); from += 10) {
                List<String> page = names.subList(from, Math.min(names.size(), from + 10));
                services.addAll(ecs.describeServices(b -> b.cluster(cluster).services(page)).services());
            }
            if (services.size() == names.size() && services.stream().allMatch(s -> s.runningCount() == desired)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("services not steady within 3 minutes");
            }
            Thread.sleep(500);
        }
    }
}
