package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static io.berth.e2e.support.Tasks.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.DockerEngine;
import io.berth.e2e.support.HttpProbe;
import io.berth.e2e.support.Tasks;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The end-to-end path with the AWS SDK for Java v2 against real containers: RunTask of
 * three web servers spread over the two agents, the SDK's {@code tasks-running} waiter, HTTP on
 * each task's dynamic host port, ListTasks filters, StopTask and the {@code tasks-stopped} waiter.
 */
@ExtendWith(BerthSystem.class)
class RunTaskE2ETest {

    /** Serves its host name; busybox httpd ignores SIGTERM, so the stop timeout is short. */
    static final String WEB_SERVER = "mkdir -p /www && echo \"hello from $(hostname)\" > /www/index.html"
            + " && exec httpd -f -p 8080 -h /www";

    private final EcsClient ecs = BerthSystem.ecs();

    @BeforeEach
    void needsDocker() {
        DockerEngine.require();
    }

    @Test
    void threeTasksRunAcrossBothAgentsServeHttpAndStop() {
        String family = unique("web");
        String startedBy = unique("e2e");
        TaskDefinition definition = Tasks.register(ecs, family, NetworkMode.BRIDGE,
                Tasks.shell("web", WEB_SERVER).stopTimeout(2)
                        .portMappings(PortMapping.builder().containerPort(8080).hostPort(0).build()));

        RunTaskResponse run = ecs.runTask(b -> b.cluster(CLUSTER).taskDefinition(definition.taskDefinitionArn())
                .count(3).startedBy(startedBy)
                .placementStrategy(PlacementStrategy.builder().type(PlacementStrategyType.SPREAD)
                        .field("instanceId").build()));
        assertThat(run.failures()).isEmpty();
        assertThat(run.tasks()).hasSize(3).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
            assertThat(t.desiredStatus()).isEqualTo("RUNNING");
            assertThat(t.startedBy()).isEqualTo(startedBy);
        });
        List<String> arns = run.tasks().stream().map(Task::taskArn).toList();

        List<Task> running = Tasks.awaitRunning(ecs, arns);

        assertThat(running.stream().map(Task::containerInstanceArn).collect(Collectors.toSet())).hasSize(2);
        for (Task task : running) {
            assertThat(task.startedAt()).isAfterOrEqualTo(task.createdAt());
            assertThat(task.pullStartedAt()).isNotNull();
            assertThat(task.version()).isGreaterThan(1L);
            Container web = task.containers().get(0);
            assertThat(web.lastStatus()).isEqualTo("RUNNING");
            assertThat(web.runtimeId()).isNotBlank();
            NetworkBinding binding = web.networkBindings().get(0);
            assertThat(binding.containerPort()).isEqualTo(8080);
            assertThat(binding.hostPort()).isPositive();
            assertThat(HttpProbe.get("http://127.0.0.1:" + binding.hostPort() + "/")).startsWith("hello from ");
        }

        assertThat(ecs.listTasks(b -> b.cluster(CLUSTER).startedBy(startedBy)).taskArns())
                .containsExactlyInAnyOrderElementsOf(arns);
        assertThat(ecs.listTasks(b -> b.cluster(CLUSTER).family(family)).taskArns())
                .containsExactlyInAnyOrderElementsOf(arns);
        String firstInstance = running.get(0).containerInstanceArn();
        assertThat(ecs.listTasks(b -> b.cluster(CLUSTER).containerInstance(firstInstance)).taskArns())
                .containsAll(running.stream().filter(t -> t.containerInstanceArn().equals(firstInstance))
                        .map(Task::taskArn).toList());
        assertThat(ecs.listTasks(b -> b.cluster(CLUSTER).family(family).desiredStatus(DesiredStatus.STOPPED))
                .taskArns()).isEmpty();

        for (String arn : arns) {
            Task stopping = ecs.stopTask(b -> b.cluster(CLUSTER).task(arn).reason("end of the e2e test")).task();
            assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        }
        List<Task> stopped = Tasks.awaitStopped(ecs, arns);

        assertThat(stopped).allSatisfy(t -> {
            assertThat(t.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
            assertThat(t.stoppedReason()).isEqualTo("end of the e2e test");
            assertThat(t.stoppingAt()).isAfterOrEqualTo(t.startedAt());
            assertThat(t.stoppedAt()).isAfterOrEqualTo(t.stoppingAt());
            assertThat(t.containers().get(0).exitCode()).isEqualTo(137);
        });
        assertThat(ecs.listTasks(b -> b.cluster(CLUSTER).family(family)).taskArns()).isEmpty();
        assertThat(ecs.listTasks(b -> b.cluster(CLUSTER).family(family).desiredStatus(DesiredStatus.STOPPED))
                .taskArns()).containsExactlyInAnyOrderElementsOf(arns);
        Set<String> leftRunning = arns.stream().flatMap(arn -> Tasks.containersOf(arn).stream())
                .filter(c -> "running".equals(c.getState())).map(c -> c.getNames()[0]).collect(Collectors.toSet());
        assertThat(leftRunning).isEmpty();
    }
}
