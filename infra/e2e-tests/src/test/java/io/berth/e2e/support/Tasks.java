package io.berth.e2e.support;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import io.berth.agent.docker.Labels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Task helpers of the Docker end-to-end tests: task definitions on the locally built busybox
 * image, the SDK's own {@code tasks-running} / {@code tasks-stopped} waiters polling every half
 * second, and a look at the real containers behind a task.
 */
public final class Tasks {

    public static final String CLUSTER = "default";
    /** The log group every test container writes to (awslogs driver). */
    public static final String LOG_GROUP = "/berth/e2e";

    private Tasks() {
    }

    /** A busybox container running a shell script, 32 MiB, logging to {@link #LOG_GROUP}. */
    public static ContainerDefinition.Builder shell(String name, String script) {
        return ContainerDefinition.builder().name(name).image(DockerEngine.IMAGE).memory(32)
                .command("sh", "-c", script)
                .logConfiguration(LogConfiguration.builder().logDriver(LogDriver.AWSLOGS)
                        .options(Map.of("awslogs-group", LOG_GROUP, "awslogs-region", "us-east-1",
                                "awslogs-stream-prefix", "e2e"))
                        .build());
    }

    public static TaskDefinition register(EcsClient ecs, String family, NetworkMode mode,
            ContainerDefinition.Builder... containers) {
        return ecs.registerTaskDefinition(b -> b.family(family).networkMode(mode)
                .containerDefinitions(Arrays.stream(containers).map(ContainerDefinition.Builder::build).toList()))
                .taskDefinition();
    }

    /** Runs one task of the definition on the default cluster and returns its ARN. */
    public static String runOne(EcsClient ecs, TaskDefinition definition) {
        var response = ecs.runTask(b -> b.cluster(CLUSTER).taskDefinition(definition.taskDefinitionArn()));
        if (!response.failures().isEmpty()) {
            throw new AssertionError("RunTask failed: " + response.failures());
        }
        return response.tasks().get(0).taskArn();
    }

    public static List<Task> awaitRunning(EcsClient ecs, List<String> taskArns) {
        try (EcsWaiter waiter = waiter(ecs)) {
            WaiterResponse<DescribeTasksResponse> response = waiter.waitUntilTasksRunning(b -> b.cluster(CLUSTER)
                    .tasks(taskArns));
            return response.matched().response().orElseThrow(() -> new AssertionError(
                    "tasks did not run: " + response.matched().exception().map(Throwable::getMessage).orElse("")))
                    .tasks();
        }
    }

    public static List<Task> awaitStopped(EcsClient ecs, List<String> taskArns) {
        try (EcsWaiter waiter = waiter(ecs)) {
            return waiter.waitUntilTasksStopped(b -> b.cluster(CLUSTER).tasks(taskArns)).matched().response()
                    .orElseThrow().tasks();
        }
    }

    public static Task awaitStopped(EcsClient ecs, String taskArn) {
        return awaitStopped(ecs, List.of(taskArn)).get(0);
    }

    public static Task describe(EcsClient ecs, String taskArn) {
        return ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(taskArn)).tasks().get(0);
    }

    /** Polls the task until the condition holds (for states no SDK waiter covers, e.g. health). */
    public static Task awaitTask(EcsClient ecs, String taskArn, Predicate<Task> condition,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Task task = describe(ecs, taskArn);
        while (!condition.test(task)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("task did not reach the expected state within " + timeout + ": " + task);
            }
            sleep(Duration.ofMillis(500));
            task = describe(ecs, taskArn);
        }
        return task;
    }

    /** The Docker containers (running or not) the agents created for a task. */
    public static List<Container> containersOf(String taskArn) {
        return DockerEngine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.TASK_ARN, taskArn)).exec();
    }

    public static InspectContainerResponse inspect(Container container) {
        return DockerEngine.client().inspectContainerCmd(container.getId()).exec();
    }

    /** What a task's container wrote, read straight from Docker (not through Berth's log pipeline). */
    public static List<String> dockerLogLines(String taskArn, String containerName) {
        Container container = containersOf(taskArn).stream().filter(c -> containerName.equals(containerName(c)))
                .findFirst().orElseThrow(() -> new AssertionError("no container " + containerName + " for " + taskArn));
        List<String> lines = new ArrayList<>();
        try {
            DockerEngine.client().logContainerCmd(container.getId()).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            lines.addAll(new String(frame.getPayload(), StandardCharsets.UTF_8).lines().toList());
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return lines;
    }

    public static String containerName(Container container) {
        return container.getLabels().get(Labels.CONTAINER_NAME);
    }

    private static EcsWaiter waiter(EcsClient ecs) {
        return EcsWaiter.builder().client(ecs).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .maxAttempts(240).backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(500))).build()).build();
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
