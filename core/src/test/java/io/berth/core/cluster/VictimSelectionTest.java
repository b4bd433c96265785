package io.berth.core.cluster;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.CreateCluster;
import io.berth.core.command.StartTask;
import io.berth.core.fixture.AgentRequests;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.Recorded;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.model.PlacementStrategy;
import io.berth.core.model.Task;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which service task stops first on scale-in (ecs-semantics §4.1): not-yet-RUNNING before RUNNING,
 * unhealthy before healthy, then the fullest bucket of each spread strategy, or for binpack the
 * instance with the most of the resource left.
 */
class VictimSelectionTest {

    private final BoundaryFixture prod = BoundaryFixture.cluster("prod")
            .withTaskDefinitions(new TaskDefinitions().add("web", 1, "ACTIVE", "bridge"))
            .given(request(CreateCluster.class, "{'clusterName':'prod'}"));
    private String a1;
    private String a2;
    private String b1;

    @BeforeEach
    void fleet() {
        a1 = instance("i-a1", "eu-west-1a", 8192);
        a2 = instance("i-a2", "eu-west-1a", 8192);
        b1 = instance("i-b1", "eu-west-1b", 4096);
    }

    private String instance(String id, String az, int memory) {
        return Recorded.instance(prod.when(AgentRequests.register("prod", id, az, 4096, memory)))
                .containerInstanceArn();
    }

    private Task start(String instanceArn) {
        return Recorded.createdTask(prod.when(request(StartTask.class, "{'cluster':'prod','taskDefinition':'web:1',"
                + "'group':'service:api','containerInstances':['" + instanceArn + "']}")));
    }

    private Task running(String instanceArn) {
        Task task = start(instanceArn);
        prod.given(AgentRequests.report("prod", task.taskArn(), "RUNNING"));
        return prod.clusterState().task(task.taskArn()).orElseThrow();
    }

    private List<Task> order(List<Task> tasks, List<PlacementStrategy> strategies, Set<Task> unhealthy) {
        List<Task> current = tasks.stream().map(t -> prod.clusterState().task(t.taskArn()).orElseThrow()).toList();
        return VictimSelection.order(prod.clusterState(), current, current, strategies,
                t -> unhealthy.stream().noneMatch(u -> u.taskArn().equals(t.taskArn())));
    }

    @Test
    void serviceDefaultTakesFromTheFullestZoneThenTheFullestInstance() {
        Task onA1 = running(a1);
        Task onA1Too = running(a1);
        Task onA2 = running(a2);
        Task onB1 = running(b1);

        List<Task> victims = order(List.of(onB1, onA2, onA1, onA1Too), List.of(), Set.of());

        assertThat(victims.get(0).containerInstanceArn()).as("zone a holds 3, instance a1 two of them").isEqualTo(a1);
        assertThat(victims.subList(0, 3)).extracting(Task::containerInstanceArn)
                .as("then zone a and zone b are level, and zone a's fullest instance goes next")
                .containsExactly(a1, a1, a2);
        assertThat(victims.get(3)).isEqualTo(prod.clusterState().task(onB1.taskArn()).orElseThrow());
    }

    @Test
    void aTaskNotYetRunningGoesBeforeRunningOnes() {
        Task runningOnB = running(b1);
        Task pendingOnA = start(a1);
        Task runningOnA = running(a1);

        List<Task> victims = order(List.of(runningOnA, runningOnB, pendingOnA), List.of(), Set.of());

        assertThat(victims.get(0).taskArn()).isEqualTo(pendingOnA.taskArn());
    }

    @Test
    void anUnhealthyTaskGoesBeforeHealthyOnes() {
        Task healthyOnA = running(a1);
        Task sickOnB = running(b1);

        List<Task> victims = order(List.of(healthyOnA, sickOnB), List.of(), Set.of(sickOnB));

        assertThat(victims.get(0).taskArn()).isEqualTo(sickOnB.taskArn());
    }

    @Test
    void binpackTakesFromTheInstanceWithTheMostLeft() {
        Task onA1 = running(a1);
        Task onB1 = running(b1);

        List<Task> victims = order(List.of(onB1, onA1), List.of(new PlacementStrategy("binpack", "memory")), Set.of());

        assertThat(victims.get(0).containerInstanceArn()).as("a1 has 8 GiB, b1 4 GiB").isEqualTo(a1);
    }

    @Test
    void spreadOverInstancesTakesFromTheFullestInstance() {
        Task onB1 = running(b1);
        Task onB1Too = running(b1);
        Task onA1 = running(a1);

        List<Task> victims = order(List.of(onA1, onB1, onB1Too), List.of(new PlacementStrategy("spread", "instanceId")),
                Set.of());

        assertThat(victims.get(0).containerInstanceArn()).isEqualTo(b1);
    }
}
