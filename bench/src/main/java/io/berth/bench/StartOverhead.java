package io.berth.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Scenario 5, start overhead with real Docker, against a running Berth with a local agent:
 * RunTask until DescribeTasks shows RUNNING (polled every 10 ms), and a plain
 * {@code docker run -d} of the same image and command on the same engine, interleaved
 * {@code --samples} times in one run. {@code startRatioOfMedians} is the median of the first over
 * the median of the second; {@code addedP99Ms} the 99th percentile of the pairwise differences
 * (each RunTask minus the docker run next to it). Then the agent's resident memory with 20 tasks
 * running.
 *
 * <p>Arguments: {@code --endpoint URL --agent-pid PID [--samples N] [--poll-ms N] [--image IMAGE] [--json FILE]}.
 */
public final class StartOverhead {

    private static final String CLUSTER = "default";

    private StartOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String endpoint = Options.required(options, "endpoint");
        long agentPid = Long.parseLong(Options.required(options, "agent-pid"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "20"));
        String image = options.getOrDefault("image", "berth/busybox:latest");
        long pollMillis = Long.parseLong(options.getOrDefault("poll-ms", "20"));
        BenchReport report = new BenchReport("start-overhead");
        try (EcsClient ecs = BenchClients.ecs(endpoint)) {
            String definition = ecs.registerTaskDefinition(b -> b.family("bench-sleep")
                    .containerDefinitions(ContainerDefinition.builder().name("sleep").image(image).memory(16)
                            .command("sleep", "3600").stopTimeout(2).build()))
                    .taskDefinition().taskDefinitionArn();
            // one of each first, unmeasured: the image's layers and the JIT warm
            runTaskUntilRunning(ecs, definition, pollMillis);
            dockerRun(image);

            long[] berth = new long[samples];
            long[] docker = new long[samples];
            long[] added = new long[samples];
            for (int i = 0; i < samples; i++) {
                berth[i] = runTaskUntilRunning(ecs, definition, pollMillis);
                docker[i] = dockerRun(image);
                added[i] = berth[i] - docker[i];
                System.out.printf("  sample %2d: RunTask -> RUNNING %6.1f ms, docker run -d %6.1f ms%n", i + 1,
                        berth[i] / 1e6, docker[i] / 1e6);
            }
            Latencies berthLatencies = Latencies.ofNanos(berth);
            Latencies dockerLatencies = Latencies.ofNanos(docker);
            report.put("samples", samples)
                    .put("runTaskToRunningMedianMs", berthLatencies.medianMs())
                    .put("runTaskToRunningP99Ms", berthLatencies.percentileMs(99))
                    .put("dockerRunMedianMs", dockerLatencies.medianMs())
                    .put("dockerRunP99Ms", dockerLatencies.percentileMs(99))
                    .put("startRatioOfMedians",
                            Latencies.round(berthLatencies.medianMs() / dockerLatencies.medianMs(), 3))
                    .put("addedMedianMs", Latencies.ofNanos(added).medianMs())
                    .put("addedP99Ms", Latencies.ofNanos(added).percentileMs(99));

            List<String> twenty = new ArrayList<>();
            for (int batch = 0; batch < 2; batch++) {
                ecs.runTask(b -> b.cluster(CLUSTER).taskDefinition(definition).count(10)).tasks()
                        .forEach(t -> twenty.add(t.taskArn()));
            }
            awaitRunning(ecs, twenty, pollMillis);
            Thread.sleep(5000);
            report.put("agentRssMiBWith20Tasks",
                    new StackProcesses("agent=" + agentPid, null).rssMiB().get("agent"));
            for (String arn : twenty) {
                ecs.stopTask(b -> b.cluster(CLUSTER).task(arn).reason("benchmark done"));
            }
        }
        report.finish(options);
    }

    /** Nanoseconds from sending RunTask to DescribeTasks answering RUNNING; the task is stopped after. */
    private static long runTaskUntilRunning(EcsClient ecs, String definition, long pollMillis) throws InterruptedException {
        long start = System.nanoTime();
        RunTaskResponse run = ecs.runTask(b -> b.cluster(CLUSTER).taskDefinition(definition));
        if (!run.failures().isEmpty()) {
            throw new IllegalStateException("RunTask failed: " + run.failures());
        }
        String arn = run.tasks().get(0).taskArn();
        awaitRunning(ecs, List.of(arn), pollMillis);
        long nanos = System.nanoTime() - start;
        ecs.stopTask(b -> b.cluster(CLUSTER).task(arn).reason("benchmark run done"));
        return nanos;
    }
    private static void awaitRunning(EcsClient ecs, List<String> arns, long pollMillis) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<Task> tasks = ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks();
            if (tasks.stream().anyMatch(t -> "STOPPED".equals(t.lastStatus()))) {
                throw new IllegalStateException("a task stopped: " + tasks);
            }
            if (tasks.size() == arns.size() && tasks.stream().allMatch(t -> "RUNNING".equals(t.lastStatus()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("tasks not RUNNING within 2 minutes");
            }
            Thread.sleep(pollMillis);
        }
    }

    /** Nanoseconds of a {@code docker run -d} (which returns once the container started); removed after. */
    private static long dockerRun(String image) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String id = DockerCli.docker("run", "-d", image, "sleep", "3600").trim();
        long nanos = System.nanoTime() - start;
        DockerCli.docker("rm", "-f", id);
        return nanos;
    }
}
