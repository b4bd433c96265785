package io.berth.bench;

import io.berth.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;

/**
 * Scenario 1 of the benchmarks, placement throughput: against a running {@code infra/berth up},
 * a {@link SimulatedFleet} of {@code --instances} container instances (mixed sizes, three zones)
 * in a cluster of its own, then {@code --tasks} tasks of work ({@link PlacementMix}: services with
 * the default strategy, binpack, {@code distinctInstance} and {@code memberOf}, and RunTask bursts
 * of 10). Measures, from the first command:
 * <ul>
 * <li>placements/s until the last {@code TaskCreated} is committed in {@code berth.events}
 *     [{@code placementsPerSecond}];</li>
 * <li>placements/s until the projection shows them all (DescribeClusters' pending + running)
 *     [{@code placementsPerSecondToProjection}];</li>
 * <li>tasks/s until the last one is recorded RUNNING [{@code runningPerSecond}];</li>
 * <li>RunTask latency; the CPU time each process of the stack used from the first command until
 *     all tasks were RUNNING (which one is the bottleneck), and its RSS at the end.</li>
 * </ul>
 * It also reports what must stay zero: RunTask placement failures, tasks stopped, instances
 * overcommitted.
 *
 * <p>Arguments: {@code --endpoint URL --bootstrap host:port [--pids name=pid,...] [--postgres-port N] [--instances N]
 * [--tasks N] [--service-size N] [--concurrency N] [--timeout-minutes N] [--json FILE]}.
 */
public final class PlacementThroughput {

    private static final String REGION = "us-east-1";
    /** A task is small enough that the default mix uses about a third of the fleet's CPU and memory. */
    private static final int TASK_CPU = 16;
    private static final int TASK_MEMORY = 32;

    private PlacementThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String endpoint = Options.required(options, "endpoint");
        String bootstrap = Options.required(options, "bootstrap");
        int instances = Integer.parseInt(options.getOrDefault("instances", "1000"));
        int tasks = Integer.parseInt(options.getOrDefault("tasks", "100000"));
        int serviceSize = Integer.parseInt(options.getOrDefault("service-size", "5000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        StackProcesses processes = StackProcesses.of(options);
        Duration timeout = Duration.ofMinutes(Long.parseLong(options.getOrDefault("timeout-minutes", "20")));
        String run = Long.toString(System.currentTimeMillis(), 36);
        String cluster = "bench-placement-" + run;
        PlacementMix mix = PlacementMix.of(tasks, instances, serviceSize);

        BenchReport report = new BenchReport("placement");
        Map<String, Object> metrics = report.metrics();
        try (EcsClient ecs = BenchClients.ecs(endpoint);
                SimulatedFleet fleet = new SimulatedFleet(endpoint, cluster, REGION, "sim-" + run, instances, 128)) {
            ecs.createCluster(b -> b.clusterName(cluster));
            String definition = ecs.registerTaskDefinition(b -> b.family("bench-placement")
                    .containerDefinitions(ContainerDefinition.builder().name("app").image("berth/simulated:latest")
                            .cpu(TASK_CPU).memory(TASK_MEMORY).essential(true).build()))
                    .taskDefinition().taskDefinitionArn();
            long registering = System.nanoTime();
            fleet.start(Duration.ofMinutes(5));
            System.out.printf("placement: %d simulated instances registered in %.1f s in cluster %s; %d tasks: "
                            + "%d services, %d RunTask calls of %d%n", instances, seconds(System.nanoTime() - registering),
                    cluster, tasks, mix.services().size(), mix.runTaskCalls(), PlacementMix.BURST);

            try (PlacementEvents events = new PlacementEvents(bootstrap, cluster)) {
                Map<String, Double> cpuBefore = processes.cpuSeconds();
                ProjectionWatch projection = new ProjectionWatch(ecs, cluster);
                long start = System.nanoTime();
                long deadline = start + timeout.toNanos();
                Thread watcher = new Thread(() -> projection.watch(start, deadline, events, fleet.counters()),
                        "projection-watch");
                watcher.setDaemon(true);
                watcher.start();

                for (PlacementMix.ServiceSpec service : mix.services()) {
                    ecs.createService(service(cluster, definition, service));
                }
                RunTasks runTasks = runTasks(ecs, cluster, definition, mix, concurrency);
                int expected = mix.serviceTasks() + runTasks.placed();
                projection.expect(expected);

                long placedAt = events.placed(expected, deadline);
                long shownAt = projection.await(deadline);
                long runningAt = events.running(expected, deadline);
                watcher.interrupt();

                boolean complete = placedAt > 0 && shownAt > 0 && runningAt > 0;
                metrics.put("complete", complete);
                metrics.put("instances", instances);
                metrics.put("tasks", expected);
                metrics.put("commands", mix.services().size() + mix.runTaskCalls());
                putRate(metrics, "placementsPerSecond", "secondsToLastPlacement", expected, start, placedAt);
                putRate(metrics, "placementsPerSecondToProjection", "secondsToProjection", expected, start, shownAt);
                putRate(metrics, "runningPerSecond", "secondsToAllRunning", expected, start, runningAt);
                metrics.put("placedInLog", events.created());
                metrics.put("runningInLog", events.runningCount());
                metrics.put("runTaskP50Ms", runTasks.latencies().medianMs());
                metrics.put("runTaskP99Ms", runTasks.latencies().percentileMs(99));
                metrics.put("runTaskPlacementFailures", runTasks.failures());
                metrics.put("tasksStopped", events.stoppedCount());
                metrics.put("overcommittedInstances", fleet.counters().overcommitted.size());
                metrics.put("fleetReportFailures", fleet.counters().reportFailures.get());
                metrics.put("fleetAssignmentsRead", fleet.counters().assignments.get());
                metrics.put("cpuSeconds", processes.cpuSecondsSince(cpuBefore));
            }
            metrics.put("rssMiB", processes.rssMiB());
            printFleet(fleet.counters());
        }
        report.finish(options);
    }

    private static CreateServiceRequest service(String cluster, String definition, PlacementMix.ServiceSpec spec) {
        CreateServiceRequest.Builder request = CreateServiceRequest.builder().cluster(cluster).serviceName(spec.name())
                .taskDefinition(definition).desiredCount(spec.desiredCount());
        switch (spec.rule()) {
            case BINPACK_MEMORY -> request.placementStrategy(PlacementStrategy.builder()
                    .type(PlacementStrategyType.BINPACK).field("memory").build());
            case DISTINCT_INSTANCE -> request.placementConstraints(PlacementConstraint.builder()
                    .type(PlacementConstraintType.DISTINCT_INSTANCE).build());
            case MEMBER_OF_ZONE -> request.placementConstraints(PlacementConstraint.builder()
                    .type(PlacementConstraintType.MEMBER_OF)
                    .expression("attribute:ecs.availability-zone == " + SimulatedFleet.ZONES.get(0)).build());
            case DEFAULT -> {
                // Berth's default for services: spread over zones, then instances
            }
        }
        return request.build();
    }

    /** The RunTask calls' latencies and outcomes. */
    private record RunTasks(Latencies latencies, int placed, int failures) {
    }

    private static RunTasks runTasks(EcsClient ecs, String cluster, String definition, PlacementMix mix,
            int concurrency) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        try {
            List<Future<Long>> calls = new ArrayList<>();
            for (int call = 0; call < mix.runTaskCalls(); call++) {
                int count = Math.min(PlacementMix.BURST, mix.runTaskTasks() - call * PlacementMix.BURST);
                calls.add(callers.submit(() -> {
                    long sent = System.nanoTime();
                    RunTaskResponse response = ecs.runTask(b -> b.cluster(cluster).taskDefinition(definition)
                            .count(count).startedBy("bench-placement"));
                    long latency = System.nanoTime() - sent;
                    placed.addAndGet(response.tasks().size());
                    failures.addAndGet(response.failures().size());
                    return latency;
                }));
            }
            long[] latencies = new long[calls.size()];
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = calls.get(i).get();
            }
            return new RunTasks(Latencies.ofNanos(latencies), placed.get(), failures.get());
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * Samples DescribeClusters (the projection) from the first command on, printing progress every
     * 5 s, and notes when pending + running first reached the number of tasks placed.
     */
    private static final class ProjectionWatch {

        private final EcsClient ecs;
        private final String cluster;
        private volatile int expected = Integer.MAX_VALUE;
        private volatile long reachedAt = -1;

        ProjectionWatch(EcsClient ecs, String cluster) {
            this.ecs = ecs;
            this.cluster = cluster;
        }

        void expect(int tasks) {
            expected = tasks;
        }

        void watch(long start, long deadline, PlacementEvents events, FleetCounters fleet) {
            long nextPrint = start;
            try {
                while (System.nanoTime() < deadline && reachedAt < 0) {
                    Cluster c = ecs.describeClusters(b -> b.clusters(cluster)).clusters().get(0);
                    long now = System.nanoTime();
                    int shown = count(c.pendingTasksCount()) + count(c.runningTasksCount());
                    if (shown >= expected) {
                        reachedAt = now;
                    }
                    if (now >= nextPrint) {
                        System.out.printf("  %5.1f s: placed %d, running %d (log); projection pending %d, running %d;"
                                        + " stopped %d; fleet: %d reports, %d failed%n", seconds(now - start),
                                events.created(), events.runningCount(), count(c.pendingTasksCount()),
                                count(c.runningTasksCount()), events.stoppedCount(),
                                fleet.reportsOf("PENDING") + fleet.reportsOf("RUNNING"), fleet.reportFailures.get());
                        nextPrint = now + Duration.ofSeconds(5).toNanos();
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                System.out.println("  projection watch failed: " + e);
            }
        }

        long await(long deadline) throws InterruptedException {
            while (reachedAt < 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return reachedAt;
        }
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }

    private static void putRate(Map<String, Object> metrics, String rate, String secondsName, int tasks, long start,
            long end) {
        if (end < 0) {
            metrics.put(rate, null);
            metrics.put(secondsName, null);
            return;
        }
        double seconds = seconds(end - start);
        metrics.put(rate, Math.round(tasks / seconds * 10) / 10.0);
        metrics.put(secondsName, Math.round(seconds * 100) / 100.0);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void printFleet(FleetCounters fleet) {
        System.out.println("  fleet: " + fleet.summary());
        fleet.failureSamples.forEach(s -> System.out.println("    " + s));
        fleet.overcommitted.entrySet().stream().limit(5)
                .forEach(e -> System.out.println("    overcommitted " + e.getKey() + ": " + e.getValue()));
    }
}
