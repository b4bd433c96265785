package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static io.berth.e2e.support.Tasks.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.DockerEngine;
import io.berth.e2e.support.Tasks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * How tasks end, against real containers: the exit code of an essential container that exits 0,
 * exits 1, is killed from outside, or is OOM-killed; StopTask's SIGTERM-then-SIGKILL; and a start
 * that fails because the image cannot be pulled — each with ECS's stop code and reason.
 */
@ExtendWith(BerthSystem.class)
class TaskExitE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();

    @BeforeEach
    void needsDocker() {
        DockerEngine.require();
    }

    @Test
    void anEssentialContainerThatExitsZeroStopsTheTask() {
        Task stopped = Tasks.awaitStopped(ecs, run(Tasks.shell("job", "echo done")));

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.containers().get(0).exitCode()).isZero();
        assertThat(stopped.containers().get(0).lastStatus()).isEqualTo("STOPPED");
        assertTimestampsInOrder(stopped);
    }

    @Test
    void anEssentialContainerThatExitsOneStopsTheTaskWithItsExitCode() {
        Task stopped = Tasks.awaitStopped(ecs, run(Tasks.shell("job", "echo failing >&2; exit 1")));

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(1);
    }

    @Test
    void aNonEssentialContainerThatExitsLeavesTheTaskRunning() {
        String arn = run(Tasks.shell("main", "exec sleep 600").stopTimeout(2),
                Tasks.shell("sidecar", "exit 3").essential(false));

        Task task = Tasks.awaitTask(ecs, arn, t -> t.containers().stream()
                .anyMatch(c -> c.name().equals("sidecar") && "STOPPED".equals(c.lastStatus())), Duration.ofSeconds(60));

        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(task.containers()).filteredOn(c -> c.name().equals("sidecar"))
                .singleElement().satisfies(c -> assertThat(c.exitCode()).isEqualTo(3));
        ecs.stopTask(b -> b.cluster(CLUSTER).task(arn));
        Tasks.awaitStopped(ecs, arn);
    }

    @Test
    void aContainerKilledFromOutsideReportsExitCode137() {
        String arn = run(Tasks.shell("victim", "exec sleep 600"));
        Tasks.awaitRunning(ecs, List.of(arn));
        Container container = Tasks.containersOf(arn).get(0);

        DockerEngine.client().killContainerCmd(container.getId()).exec();
        Task stopped = Tasks.awaitStopped(ecs, arn);

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(137);
    }

    @Test
    void stopTaskSendsSigtermAndKillsAfterTheStopTimeout() {
        String ignoresTerm = run(Tasks.shell("stubborn", "exec sleep 600").stopTimeout(2));
        String honoursTerm = run(Tasks.shell("polite", "trap 'echo bye; exit 0' TERM; while true; do sleep 0.2; done")
                .stopTimeout(30));
        Tasks.awaitRunning(ecs, List.of(ignoresTerm, honoursTerm));

        ecs.stopTask(b -> b.cluster(CLUSTER).task(ignoresTerm).reason("stop it"));
        ecs.stopTask(b -> b.cluster(CLUSTER).task(honoursTerm).reason("stop it"));
        Task killed = Tasks.awaitStopped(ecs, ignoresTerm);
        Task graceful = Tasks.awaitStopped(ecs, honoursTerm);

        assertThat(killed.containers().get(0).exitCode()).isEqualTo(137);
        assertThat(Duration.between(killed.stoppingAt(), killed.stoppedAt())).isGreaterThanOrEqualTo(
                Duration.ofMillis(1500));
        assertThat(graceful.containers().get(0).exitCode()).isZero();
        assertThat(Duration.between(graceful.stoppingAt(), graceful.stoppedAt())).isLessThan(Duration.ofSeconds(20));
        assertThat(List.of(killed, graceful)).allSatisfy(t -> {
            assertThat(t.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
            assertThat(t.stoppedReason()).isEqualTo("stop it");
        });
    }

    @Test
    void aContainerOverItsMemoryLimitIsOomKilledAndReported() {
        // dd's 64 MiB block buffer is filled from /dev/zero: far over the 16 MiB hard limit.
        Task stopped = Tasks.awaitStopped(ecs, run(Tasks.shell("hog", "dd if=/dev/zero of=/dev/null bs=64M count=4")
                .memory(16)));

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(137);
        assertThat(stopped.containers().get(0).reason()).startsWith("OutOfMemoryError");
    }

    @Test
    void aMissingImageFailsTheTaskCleanly() {
        String family = unique("missing");
        TaskDefinition definition = Tasks.register(ecs, family, NetworkMode.BRIDGE,
                ContainerDefinition.builder().name("ghost").image("berth/no-such-image:" + family).memory(32));

        Task stopped = Tasks.awaitStopped(ecs, Tasks.runOne(ecs, definition));

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason()).startsWith("CannotPullContainerError");
        assertThat(stopped.startedAt()).isNull();
        assertThat(stopped.containers().get(0).reason()).startsWith("CannotPullContainerError");
        assertThat(Tasks.containersOf(stopped.taskArn())).isEmpty();
    }

    private String run(ContainerDefinition.Builder... containers) {
        return Tasks.runOne(ecs, Tasks.register(ecs, unique("exit"), NetworkMode.BRIDGE, containers));
    }

    private static void assertTimestampsInOrder(Task t) {
        assertThat(t.pullStartedAt()).isAfterOrEqualTo(t.createdAt());
        assertThat(t.pullStoppedAt()).isAfterOrEqualTo(t.pullStartedAt());
        assertThat(t.startedAt()).isAfterOrEqualTo(t.pullStoppedAt());
        assertThat(t.executionStoppedAt()).isAfterOrEqualTo(t.startedAt());
        assertThat(t.stoppingAt()).isAfterOrEqualTo(t.startedAt());
        assertThat(t.stoppedAt()).isAfterOrEqualTo(t.stoppingAt());
        assertThat(t.version()).isGreaterThanOrEqualTo(4L);
    }
}
