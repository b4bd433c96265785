package io.berth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * How long a task takes to start, against a running Berth with a local agent: RunTask until
 * DescribeTasks shows RUNNING (polled every 20 ms), next to a plain {@code docker run -d} of the
 * same image and command on the same engine — the median of N each, in the same run. Then the
 * agent's resident memory with 20 tasks running.
 *
 * <p>Arguments: {@code --endpoint URL --agent-pid PID [--runs N] [--image IMAGE]}.
 */
public final class TaskStartLatency {

    private static final String CLUSTER = "default";

    private TaskStartLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String endpoint = Options.required(options, "endpoint");
        long agentPid = Long.parseLong(Options.required(options, "agent-pid"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        String image = options.getOrDefault("image", "berth/busybox:latest");
        try (EcsClient ecs = BenchClients.ecs(endpoint)) {
            String definition = ecs.registerTaskDefinition(b -> b.family("bench-sleep")
                    .containerDefinitions(ContainerDefinition.builder().name("sleep").image(image).memory(16)
                            .command("sleep", "3600").stopTimeout(2).build()))
                    .taskDefinition().taskDefinitionArn();

            List<Double> berth = new ArrayList<>();
            List<Double> docker = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                berth.add(runTaskUntilRunning(ecs, definition));
                docker.add(dockerRun(image));
            }
            System.out.println("RunTask → RUNNING: " + Stats.line(berth, "ms"));
            System.out.println("docker run -d:     " + Stats.line(docker, "ms"));

            List<String> twenty = new ArrayList<>();
            for (int batch = 0; batch < 2; batch++) {
                ecs.runTask(b -> b.cluster(CLUSTER).taskDefinition(definition).count(10)).tasks()
                        .forEach(t -> twenty.add(t.taskArn()));
            }
            awaitRunning(ecs, twenty);
            Thread.sleep(5000);
            System.out.printf("agent RSS with %d tasks running: %d MiB%n", twenty.size(), rssMiB(agentPid));
            for (String arn : twenty) {
                ecs.stopTask(b -> b.cluster(CLUSTER).task(arn).reason("benchmark done"));
            }
        }
    }

    /** Milliseconds from sending RunTask to DescribeTasks answering RUNNING; the task is stopped after. */
    private static double runTaskUntilRunning(EcsClient ecs, String definition) throws InterruptedException {
        long start = System.nanoTime();
        RunTaskResponse run = ecs.runTask(b -> b.cluster(CLUSTER).taskDefinition(definition));
        if (!run.failures().isEmpty()) {
            throw new IllegalStateException("RunTask failed: " + run.failures());
        }
        String arn = run.tasks().get(0).taskArn();
        awaitRunning(ecs, List.of(arn));
        double millis = (System.nanoTime() - start) / 1e6;
        ecs.stopTask(b -> b.cluster(CLUSTER).task(arn).reason("benchmark run done"));
        return millis;
    }

    private static void awaitRunning(EcsClient ecs, List<String> arns) throws InterruptedException {
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
            Thread.sleep(20);
        }
    }

    /** Milliseconds of a {@code docker run -d} (which returns once the container started); removed after. */
    private static double dockerRun(String image) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String id = DockerCli.docker("run", "-d", image, "sleep", "3600").trim();
        double millis = (System.nanoTime() - start) / 1e6;
        DockerCli.docker("rm", "-f", id);
        return millis;
    }

    private static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }
}
