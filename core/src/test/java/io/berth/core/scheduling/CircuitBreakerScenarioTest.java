package io.berth.core.scheduling;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.CreateService;
import io.berth.core.command.UpdateService;
import io.berth.core.fixture.SchedulingHarness;
import io.berth.core.fixture.SchedulingHarness.Behaviour;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.core.model.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The deployment circuit breaker on a simulated clock (ecs-semantics §5.3): a crash-looping
 * version trips it and the service rolls back without the old version ever dropping below its
 * minimum; a first deployment with nothing to go back to ends FAILED instead of trying forever.
 */
class CircuitBreakerScenarioTest {

    private static final String BREAKER = "'deploymentCircuitBreaker':{'enable':true,'rollback':true}";

    private final SchedulingHarness cluster = new SchedulingHarness()
            .define("web", 1, 64, true, Behaviour.HEALTHY)
            .define("web", 2, 64, true, Behaviour.CRASHES)
            .define("web", 3, 64, false, Behaviour.FAILS_TO_START);

    private void create(String revision, int desired, String configuration) {
        cluster.addInstance("eu-west-1a", 4096, 4096);
        cluster.addInstance("eu-west-1b", 4096, 4096);
        cluster.given(request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'"
                + revision + "','desiredCount':" + desired + ",'deploymentConfiguration':{" + configuration + "}}"));
    }

    private static boolean completedOn(Service service, String revision) {
        return service.deployments().size() == 1 && service.taskDefinition().endsWith(revision)
                && Deployment.COMPLETED.equals(service.deployments().get(0).rolloutState());
    }

    @Test
    void aCrashingVersionTripsTheBreakerAndRollsBackWithoutDroppingBelowTheMinimum() {
        create("web:1", 4, "'minimumHealthyPercent':50,'maximumPercent':200," + BREAKER);
        cluster.runUntil(c -> completedOn(c.service("api"), "web:1"), Duration.ofMinutes(2));
        String completedId = cluster.service("api").deployments().get(0).id();
        List<Long> oldHealthy = new ArrayList<>();
        cluster.watch(c -> oldHealthy.add(c.healthy("api", "web:1")));

        cluster.given(request(UpdateService.class, "{'cluster':'prod','service':'api','taskDefinition':'web:2'}"));
        String failedId = cluster.service("api").deployments().get(0).id();
        cluster.runUntil(c -> completedOn(c.service("api"), "web:1"), Duration.ofMinutes(5));

        assertThat(oldHealthy).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
        Service service = cluster.service("api");
        assertThat(service.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).as("the COMPLETED deployment itself is PRIMARY again").isEqualTo(completedId);
            assertThat(d.runningCount()).isEqualTo(4);
        });
        assertThat(cluster.live("api")).hasSize(4).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith("web:1"));
        assertThat(cluster.messages()).contains("(service api) (deployment " + failedId
                + ") deployment failed, rolling back to deployment " + completedId + ".");
        Deployment failed = failedDeployment(failedId);
        assertThat(failed.rolloutState()).isEqualTo("FAILED");
        assertThat(failed.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(failed.failedTasks()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theBreakerRollsBackWithoutReplacingTheOldVersionsHealthyTasks() {
        create("web:1", 4, "'minimumHealthyPercent':100,'maximumPercent':200," + BREAKER);
        cluster.runUntil(c -> completedOn(c.service("api"), "web:1"), Duration.ofMinutes(2));
        Set<String> before = arns(cluster.live("api"));

        cluster.given(request(UpdateService.class, "{'cluster':'prod','service':'api','taskDefinition':'web:2'}"));
        cluster.runUntil(c -> completedOn(c.service("api"), "web:1"), Duration.ofMinutes(5));

        assertThat(arns(cluster.live("api"))).isEqualTo(before);
    }

    @Test
    void aFirstDeploymentThatNeverStartsEndsFailedInsteadOfRetryingForever() {
        create("web:3", 2, BREAKER);

        cluster.runUntil(c -> "FAILED".equals(c.service("api").deployments().get(0).rolloutState()),
                Duration.ofMinutes(10));
        int tasksSoFar = cluster.state().tasks().size();
        cluster.run(Duration.ofMinutes(5));

        assertThat(cluster.state().tasks()).as("no launches after FAILED").hasSize(tasksSoFar);
        assertThat(cluster.service("api").deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.failedTasks()).as("the threshold, plus any task already on its way").isBetween(3, 4);
        });
        assertThat(cluster.messages()).anyMatch(m -> m.endsWith(") deployment failed: tasks failed to start."));
    }

    @Test
    void withoutTheBreakerTasksThatNeverStartAreRetriedWithGrowingGaps() {
        create("web:3", 1, "");

        cluster.run(Duration.ofMinutes(4));

        List<Task> tasks = cluster.state().tasks().stream()
                .sorted(java.util.Comparator.comparing(Task::createdAt)).toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < tasks.size(); i++) {
            gaps.add(Duration.between(tasks.get(i - 1).stoppedAt(), tasks.get(i).createdAt()).toSeconds());
        }
        assertThat(gaps).hasSizeGreaterThanOrEqualTo(3);
        assertThat(gaps.subList(0, 3)).containsExactly(10L, 20L, 40L);
        assertThat(cluster.messages()).contains("(service api) is unable to consistently start tasks successfully.");
        assertThat(cluster.service("api").deployments().get(0).rolloutState()).isEqualTo("IN_PROGRESS");
    }

    private Deployment failedDeployment(String id) {
        return cluster.history().stream().filter(e -> e instanceof io.berth.core.event.ServiceUpdated)
                .map(e -> ((io.berth.core.event.ServiceUpdated) e).service())
                .flatMap(s -> s.deployments().stream()).filter(d -> d.id().equals(id))
                .reduce((a, b) -> b).orElseThrow();
    }

    private static Set<String> arns(List<Task> tasks) {
        return tasks.stream().map(Task::taskArn).collect(Collectors.toSet());
    }
}
