package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static io.berth.e2e.support.Tasks.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.DockerEngine;
import io.berth.e2e.support.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * Task definition fields the agent turns into Docker behaviour: health checks (container and task
 * {@code healthStatus}), dependsOn ordering, a task-scoped volume shared by two containers, and
 * environment, working directory and user.
 */
@ExtendWith(BerthSystem.class)
class ContainerBehaviourE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();

    @BeforeEach
    void needsDocker() {
        DockerEngine.require();
    }

    @Test
    void healthChecksDecideTheTaskHealth() {
        String healthy = Tasks.runOne(ecs, Tasks.register(ecs, unique("healthy"), NetworkMode.BRIDGE,
                Tasks.shell("app", "exec sleep 600").stopTimeout(2).healthCheck(check("exit 0"))));
        String unhealthy = Tasks.runOne(ecs, Tasks.register(ecs, unique("unhealthy"), NetworkMode.BRIDGE,
                Tasks.shell("app", "exec sleep 600").stopTimeout(2).healthCheck(check("exit 1")),
                Tasks.shell("helper", "exec sleep 600").stopTimeout(2).healthCheck(check("exit 0"))));
        String unchecked = Tasks.runOne(ecs, Tasks.register(ecs, unique("unchecked"), NetworkMode.BRIDGE,
                Tasks.shell("app", "exec sleep 600").stopTimeout(2)));
        Tasks.awaitRunning(ecs, List.of(healthy, unhealthy, unchecked));

        Task good = Tasks.awaitTask(ecs, healthy, t -> t.healthStatus() == HealthStatus.HEALTHY, Duration.ofSeconds(30));
        Task bad = Tasks.awaitTask(ecs, unhealthy, t -> t.healthStatus() == HealthStatus.UNHEALTHY,
                Duration.ofSeconds(30));

        assertThat(good.containers().get(0).healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        Map<String, HealthStatus> perContainer = Tasks.awaitTask(ecs, unhealthy, t -> t.containers().stream()
                .allMatch(c -> c.healthStatus() != HealthStatus.UNKNOWN), Duration.ofSeconds(30)).containers()
                .stream().collect(Collectors.toMap(c -> c.name(), c -> c.healthStatus()));
        assertThat(perContainer).containsEntry("app", HealthStatus.UNHEALTHY).containsEntry("helper",
                HealthStatus.HEALTHY);
        assertThat(bad.lastStatus()).isEqualTo("RUNNING");
        assertThat(Tasks.describe(ecs, unchecked).healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
        for (String arn : List.of(healthy, unhealthy, unchecked)) {
            ecs.stopTask(b -> b.cluster(CLUSTER).task(arn));
        }
        Tasks.awaitStopped(ecs, List.of(healthy, unhealthy, unchecked));
    }

    @Test
    void aContainerStartsOnlyAfterItsDependencySucceededAndSeesItsWork() {
        TaskDefinition definition = ecs.registerTaskDefinition(b -> b.family(unique("ordered"))
                .networkMode(NetworkMode.BRIDGE)
                .volumes(Volume.builder().name("shared").build())
                .containerDefinitions(
                        Tasks.shell("init", "sleep 2; echo ready > /data/flag").essential(false)
                                .mountPoints(mount()).build(),
                        Tasks.shell("app", "cat /data/flag && echo \"$GREETING from $(pwd) as $(id -u)\""
                                + " && exec sleep 600").stopTimeout(2).mountPoints(mount())
                                .environment(KeyValuePair.builder()
                                        .name("GREETING").value("hi").build())
                                .workingDirectory("/tmp").user("1000")
                                .dependsOn(ContainerDependency.builder().containerName("init")
                                        .condition(ContainerCondition.SUCCESS).build())
                                .build()))
                .taskDefinition();

        String arn = Tasks.runOne(ecs, definition);
        Task running = Tasks.awaitRunning(ecs, List.of(arn)).get(0);

        assertThat(running.containers()).filteredOn(c -> c.name().equals("init")).singleElement()
                .satisfies(c -> assertThat(c.exitCode()).isZero());
        Map<String, InspectContainerResponse> docker = Tasks.containersOf(arn).stream()
                .collect(Collectors.toMap(Tasks::containerName, Tasks::inspect));
        Instant initFinished = Instant.parse(docker.get("init").getState().getFinishedAt());
        Instant appStarted = Instant.parse(docker.get("app").getState().getStartedAt());
        assertThat(appStarted).isAfterOrEqualTo(initFinished);
        assertThat(Tasks.dockerLogLines(arn, "app")).containsSubsequence("ready", "hi from /tmp as 1000");

        ecs.stopTask(b -> b.cluster(CLUSTER).task(arn));
        Tasks.awaitStopped(ecs, arn);
    }

    private static HealthCheck check(String shell) {
        return HealthCheck.builder().command("CMD-SHELL", shell).interval(5).timeout(2).retries(1).startPeriod(0)
                .build();
    }

    private static MountPoint mount() {
        return MountPoint.builder().sourceVolume("shared").containerPath("/data").build();
    }
}
