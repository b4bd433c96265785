package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static io.berth.e2e.support.Tasks.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.DockerEngine;
import io.berth.e2e.support.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A stopped task stays describable for the retention the scheduler is given
 * ({@link BerthSystem#STOPPED_TASK_RETENTION} here), and afterwards its record and its exited
 * containers are gone: DescribeTasks answers MISSING and the agent has removed the containers.
 */
@ExtendWith(BerthSystem.class)
class StoppedTaskRetentionE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();

    @BeforeEach
    void needsDocker() {
        DockerEngine.require();
    }

    @Test
    void aStoppedTaskIsDescribableUntilItsRetentionEndsThenItAndItsContainersAreRemoved() {
        String arn = Tasks.runOne(ecs, Tasks.register(ecs, unique("retained"), NetworkMode.BRIDGE,
                Tasks.shell("job", "echo done")));
        Task stopped = Tasks.awaitStopped(ecs, arn);
        assertThat(Tasks.containersOf(arn)).as("the exited container is kept while the task is describable")
                .hasSize(1);

        long deadline = System.nanoTime() + BerthSystem.STOPPED_TASK_RETENTION.plusSeconds(60).toNanos();
        DescribeTasksResponse described = ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arn));
        while (!described.hasFailures() || described.failures().isEmpty()) {
            assertThat(System.nanoTime()).as("task still describable long after its retention").isLessThan(deadline);
            Tasks.sleep(Duration.ofSeconds(1));
            described = ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arn));
        }

        assertThat(described.tasks()).isEmpty();
        assertThat(described.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo(arn);
            assertThat(f.reason()).isEqualTo("MISSING");
        });
        assertThat(Duration.between(stopped.stoppedAt(), Instant.now()))
                .isGreaterThanOrEqualTo(BerthSystem.STOPPED_TASK_RETENTION);
        awaitNoContainers(arn);
    }

    private static void awaitNoContainers(String arn) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Tasks.containersOf(arn).isEmpty()) {
            assertThat(System.nanoTime()).as("containers of an expired task still present").isLessThan(deadline);
            Tasks.sleep(Duration.ofMillis(500));
        }
    }
}
