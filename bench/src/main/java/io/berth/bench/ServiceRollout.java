package io.berth.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * How long services take to change, against a running Berth with a local agent: the wall time of
 * a rolling update of a service of 20 web tasks at 50/200 with a container health check every
 * 5 s (ECS's shortest interval), from UpdateService until the new deployment is COMPLETED; and
 * the time from a container's death ({@code docker kill}) to its replacement task RUNNING. The
 * median, fastest and slowest of N each.
 *
 * <p>Arguments: {@code --endpoint URL [--runs N] [--tasks N] [--image IMAGE] [--json FILE]}.
 */
public final class ServiceRollout {

    private static final String CLUSTER = "default";
    private static final String SERVICE = "bench-rollout";
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private ServiceRollout() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String endpoint = Options.required(options, "endpoint");
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int tasks = Integer.parseInt(options.getOrDefault("tasks", "20"));
        String image = options.getOrDefault("image", "berth/busybox:latest");
        BenchReport report = new BenchReport("services");
        try (EcsClient ecs = BenchClients.ecs(endpoint)) {
            String first = register(ecs, image, 0);
            ecs.createService(b -> b.cluster(CLUSTER).serviceName(SERVICE).taskDefinition(first).desiredCount(tasks)
                    .deploymentConfiguration(c -> c.minimumHealthyPercent(50).maximumPercent(200)));
            try {
                await(ecs, s -> settledOn(s, first));
                List<Long> rollouts = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    String next = register(ecs, image, run);
                    long start = System.nanoTime();
                    ecs.updateService(b -> b.cluster(CLUSTER).service(SERVICE).taskDefinition(next));
                    await(ecs, s -> settledOn(s, next));
                    rollouts.add(System.nanoTime() - start);
                    System.out.printf("rolling update %d of %d tasks: %.1f s%n", run, tasks, rollouts.get(run - 1) / 1e9);
                }
                List<Long> replacements = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    replacements.add(replacementNanos(ecs));
                    System.out.printf("replacement %d: %.0f ms%n", run, replacements.get(run - 1) / 1e6);
                    await(ecs, s -> s.runningCount() == tasks && s.pendingCount() == 0);
                }
                report.put("tasks", tasks).put("runs", runs)
                        .put("rollingUpdateMs", Latencies.ofNanos(rollouts).summary())
                        .put("replacementMs", Latencies.ofNanos(replacements).summary());
            } finally {
                ecs.deleteService(b -> b.cluster(CLUSTER).service(SERVICE).force(true));
                await(ecs, s -> "INACTIVE".equals(s.status()));
            }
        }
        report.finish(options);
    }

    /** A revision of the web task: busybox httpd answering its version, health-checked every 5 s. */
    private static String register(EcsClient ecs, String image, int version) {
        return ecs.registerTaskDefinition(b -> b.family(SERVICE).containerDefinitions(ContainerDefinition.builder()
                .name("web").image(image).memory(16).stopTimeout(2)
                .command("sh", "-c", "echo v" + version + " > /index.html && exec httpd -f -p 8080 -h /")
                .portMappings(PortMapping.builder().containerPort(8080).hostPort(0).build())
                .healthCheck(HealthCheck.builder().command("CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:8080/")
                        .interval(5).timeout(2).retries(1).startPeriod(0).build())
                .build())).taskDefinition().taskDefinitionArn();
    }

    /** Kills one task's container and times until a task that was not live before is RUNNING. */
    private static long replacementNanos(EcsClient ecs) throws Exception {
        List<Task> before = live(ecs);
        Set<String> known = before.stream().map(Task::taskArn).collect(Collectors.toSet());
        String victim = before.get(0).taskArn();
        String container = DockerCli.docker("ps", "-q", "--filter", "label=io.berth.task-arn=" + victim).trim();
        long start = System.nanoTime();
        DockerCli.docker("kill", container);
        long deadline = start + LIMIT.toNanos();
        while (live(ecs).stream().noneMatch(t -> !known.contains(t.taskArn()) && "RUNNING".equals(t.lastStatus()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no replacement RUNNING within " + LIMIT);
            }
            Thread.sleep(50);
        }
        return System.nanoTime() - start;
    }

    private static List<Task> live(EcsClient ecs) {
        List<String> arns = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(SERVICE)
                .desiredStatus(DesiredStatus.RUNNING)).taskArns();
        return arns.isEmpty() ? List.of() : ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks();
    }

    private static boolean settledOn(Service service, String taskDefinition) {
        return service.taskDefinition().equals(taskDefinition) && service.deployments().size() == 1
                && "COMPLETED".equals(service.deployments().get(0).rolloutStateAsString())
                && service.runningCount() == service.desiredCount();
    }

    private static void await(EcsClient ecs, Predicate<Service> condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.test(ecs.describeServices(b -> b.cluster(CLUSTER).services(SERVICE)).services().get(0))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("service not as expected within " + LIMIT);
            }
            Thread.sleep(200);
        }
    }
}
