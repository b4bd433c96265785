package io.berth.core.cluster;

import static io.berth.core.fixture.AgentRequests.register;
import static io.berth.core.fixture.AgentRequests.report;
import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.ApplyServicePlan;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.StartTask;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.Recorded;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.model.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency of service plans (design rule 7): a plan applies only if nothing it
 * relied on changed — except that a plan which only launches also applies after the service's
 * tasks merely progressed toward RUNNING, which cannot make a launch wrong, and launches that no
 * longer fit where the plan put them are placed again on the cluster as it is. A busy service's
 * tasks report every few milliseconds and other work fills instances meanwhile; refusing on
 * either starved its placements.
 */
class PlanConcurrencyTest {

    private final BoundaryFixture prod = BoundaryFixture.cluster("prod")
            .withTaskDefinitions(new TaskDefinitions().add("web", 1, "ACTIVE", "bridge"))
            .given(request(CreateCluster.class, "{'clusterName':'prod'}"),
                    register("prod", "i-1", "eu-west-1a", 4096, 8192),
                    request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web:1',"
                            + "'desiredCount':2}"));

    private List<String> apiTasks() {
        return prod.clusterState().tasks().stream().filter(t -> "service:api".equals(t.group()))
                .filter(t -> !t.isStopped()).map(Task::taskArn).toList();
    }

    private void scaleTo(int desired) {
        prod.given(request(UpdateService.class, "{'cluster':'prod','service':'api','desiredCount':" + desired + "}"));
    }

    @Test
    void aPlanThatOnlyLaunchesAppliesAfterTheTasksProgressedTowardRunning() {
        prod.given(prod.plan("api"));
        scaleTo(4);
        ApplyServicePlan launches = prod.plan("api");
        assertThat(launches.plan().launches()).hasSize(2);
        assertThat(launches.plan().stops()).isEmpty();
        List<String> first = apiTasks();
        prod.given(report("prod", first.get(0), "PENDING"), report("prod", first.get(1), "RUNNING"));

        Decision decision = prod.when(launches);

        assertThat(decision.error()).isNull();
        assertThat(apiTasks()).hasSize(4);
    }

    @Test
    void aPlanThatOnlyLaunchesIsRefusedAfterOneOfTheTasksStopped() {
        prod.given(prod.plan("api"));
        scaleTo(4);
        ApplyServicePlan launches = prod.plan("api");
        prod.given(report("prod", apiTasks().get(0), "STOPPED"));

        Decision decision = prod.when(launches);

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CONFLICT_EXCEPTION);
        assertThat(decision.error().message()).startsWith("The service changed since the plan was made");
    }

    @Test
    void aPlanThatStopsIsRefusedAfterAnyChangeOfTheTasks() {
        scaleTo(4);
        prod.given(prod.plan("api"));
        scaleTo(1);
        ApplyServicePlan stops = prod.plan("api");
        assertThat(stops.plan().stops()).hasSize(3);
        prod.given(report("prod", apiTasks().get(0), "PENDING"));

        Decision decision = prod.when(stops);

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CONFLICT_EXCEPTION);
        assertThat(apiTasks()).hasSize(4);
    }

    @Test
    void launchesThatNoLongerFitWherePlannedArePlacedOnTheClusterAsItIs() {
        BoundaryFixture cluster = BoundaryFixture.cluster("prod")
                .withTaskDefinitions(new TaskDefinitions().add("web", 1, "ACTIVE", "bridge"))
                .given(request(CreateCluster.class, "{'clusterName':'prod'}"));
        String big = Recorded.instance(cluster.when(register("prod", "i-big", "eu-west-1a", 4096, 8192)))
                .containerInstanceArn();
        String small = Recorded.instance(cluster.when(register("prod", "i-small", "eu-west-1a", 4096, 128)))
                .containerInstanceArn();
        cluster.given(request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web:1',"
                + "'desiredCount':2}"));
        ApplyServicePlan plan = cluster.plan("api");
        assertThat(plan.plan().launches()).extracting(l -> l.containerInstanceArn()).containsExactlyInAnyOrder(big,
                small);
        // other work fills the small instance (two tasks of 64 MiB) before the plan arrives
        cluster.given(request(StartTask.class, "{'cluster':'prod','taskDefinition':'web:1','containerInstances':['"
                + small + "','" + small + "']}"));

        Decision decision = cluster.when(plan);

        assertThat(decision.error()).isNull();
        assertThat(cluster.clusterState().tasks()).filteredOn(t -> "service:api".equals(t.group()))
                .extracting(Task::containerInstanceArn).containsExactly(big, big);
    }

    @Test
    void progressMovesTheGenerationButNotTheStructuralOne() {
        prod.given(prod.plan("api"));
        ClusterState before = prod.clusterState().copy();

        prod.given(report("prod", apiTasks().get(0), "PENDING"));

        assertThat(prod.clusterState().serviceGeneration("api")).isGreaterThan(before.serviceGeneration("api"));
        assertThat(prod.clusterState().structuralGeneration("api")).isEqualTo(before.structuralGeneration("api"));
    }
}
