package io.berth.core.scheduling;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.CreateService;
import io.berth.core.command.UpdateService;
import io.berth.core.fixture.SchedulingHarness;
import io.berth.core.fixture.SchedulingHarness.Behaviour;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rolling deployments driven end to end on a simulated clock (ecs-semantics §5.1, §5.2): the
 * batches the bounds allow, the floor of healthy tasks never crossed, and the deployment's end.
 */
class RollingDeploymentScenarioTest {

    private final SchedulingHarness cluster = new SchedulingHarness()
            .define("web", 1, 64, true, Behaviour.HEALTHY)
            .define("web", 2, 64, true, Behaviour.HEALTHY);

    private void instances(int n) {
        for (int i = 0; i < n; i++) {
            cluster.addInstance("eu-west-1" + (char) ('a' + i % 3), 4096, 4096);
        }
    }

    private void createAndSettle(int desired, int min, int max) {
        cluster.given(request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web:1',"
                + "'desiredCount':" + desired + ",'deploymentConfiguration':{'minimumHealthyPercent':" + min
                + ",'maximumPercent':" + max + "}}"));
        cluster.runUntil(c -> completed(c.service("api")), Duration.ofMinutes(5));
    }

    private static boolean completed(Service service) {
        return service.deployments().size() == 1
                && Deployment.COMPLETED.equals(service.deployments().get(0).rolloutState());
    }

    private void updateTo(String revision) {
        cluster.given(request(UpdateService.class, "{'cluster':'prod','service':'api','taskDefinition':'" + revision
                + "'}"));
    }

    @Test
    void tenTasksAt100And150RollInBatchesOfFive() {
        instances(3);
        createAndSettle(10, 100, 150);
        List<Integer> liveSeen = new ArrayList<>();
        List<Long> healthySeen = new ArrayList<>();
        cluster.watch(c -> {
            liveSeen.add(c.live("api").size());
            healthySeen.add(c.healthy("api", "web:1") + c.healthy("api", "web:2"));
        });

        updateTo("web:2");
        cluster.runUntil(c -> completed(c.service("api"))
                && c.service("api").taskDefinition().endsWith("web:2"), Duration.ofMinutes(5));

        assertThat(liveSeen).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(15));
        assertThat(liveSeen).contains(15);
        assertThat(healthySeen).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
        assertThat(cluster.live("api")).hasSize(10).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith("web:2"));
        assertThat(startedBatches()).containsExactly(10, 5, 5);
        assertThat(cluster.messages()).last().isEqualTo("(service api) has reached a steady state.");
    }

    @Test
    void tenTasksAt50And200StartAllAndStopHalfAtOnce() {
        instances(3);
        createAndSettle(10, 50, 200);
        List<Long> healthySeen = new ArrayList<>();
        List<Integer> liveSeen = new ArrayList<>();
        cluster.watch(c -> {
            healthySeen.add(c.healthy("api", "web:1") + c.healthy("api", "web:2"));
            liveSeen.add(c.live("api").size());
        });

        updateTo("web:2");
        cluster.runUntil(c -> completed(c.service("api")) && c.service("api").taskDefinition().endsWith("web:2"),
                Duration.ofMinutes(5));

        assertThat(healthySeen).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(liveSeen).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(20));
        assertThat(startedBatches()).containsExactly(10, 10);
        assertThat(stoppedBatches().get(0)).isEqualTo(5);
    }

    @Test
    void fourTasksAt0And100StopBeforeTheyStart() {
        instances(2);
        createAndSettle(4, 0, 100);
        List<Integer> liveSeen = new ArrayList<>();
        cluster.watch(c -> liveSeen.add(c.live("api").size()));

        updateTo("web:2");
        cluster.runUntil(c -> completed(c.service("api")) && c.service("api").taskDefinition().endsWith("web:2"),
                Duration.ofMinutes(5));

        assertThat(liveSeen).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
        assertThat(stoppedBatches().get(0)).isEqualTo(4);
        assertThat(cluster.live("api")).hasSize(4);
    }

    @Test
    void boundsThatAllowNeitherStartNorStopSaySoInsteadOfStallingSilently() {
        instances(2);
        createAndSettle(3, 100, 125);

        updateTo("web:2");
        cluster.run(Duration.ofSeconds(30));

        assertThat(cluster.messages()).contains("(service api) was unable to stop or start tasks during a deployment "
                + "because of the service deployment configuration. Update the minimumHealthyPercent or "
                + "maximumPercent value and try again.");
        assertThat(cluster.live("api")).hasSize(3).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith("web:1"));
        assertThat(cluster.service("api").deployments()).extracting(Deployment::rolloutState)
                .containsExactly("IN_PROGRESS", "COMPLETED");
    }

    @Test
    void aMidFlightUpdateDrainsBothOlderDeploymentsAndCompletesTheNewest() {
        cluster.define("web", 3, 64, true, Behaviour.HEALTHY);
        instances(3);
        createAndSettle(6, 100, 200);
        updateTo("web:2");
        cluster.run(Duration.ofSeconds(3));
        assertThat(cluster.service("api").deployments()).hasSize(2);

        updateTo("web:3");
        assertThat(cluster.service("api").deployments()).hasSize(3);
        cluster.runUntil(c -> completed(c.service("api")) && c.service("api").taskDefinition().endsWith("web:3"),
                Duration.ofMinutes(5));

        assertThat(cluster.live("api")).hasSize(6).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith("web:3"));
    }

    @Test
    void anUpdateBeforeTheOldTasksCountHealthyKeepsThemUntilEnoughAre() {
        cluster.define("plain", 1, 64, false, Behaviour.HEALTHY).define("plain", 2, 64, false, Behaviour.HEALTHY);
        instances(2);
        cluster.given(request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'plain:1',"
                + "'desiredCount':2,'deploymentConfiguration':{'minimumHealthyPercent':50,'maximumPercent':200}}"));
        cluster.runUntil(c -> c.live("api").stream().allMatch(t -> "RUNNING".equals(t.lastStatus()))
                && c.live("api").size() == 2, Duration.ofMinutes(1));
        List<Long> runningSeen = new ArrayList<>();
        cluster.watch(c -> runningSeen.add(c.live("api").stream().filter(t -> "RUNNING".equals(t.lastStatus()))
                .count()));

        updateTo("plain:2");
        cluster.runUntil(c -> completed(c.service("api")) && c.service("api").taskDefinition().endsWith("plain:2"),
                Duration.ofMinutes(5));

        assertThat(runningSeen).as("RUNNING tasks while the old ones were still warming up")
                .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(1));
    }

    /** How many tasks each "has started" service event names, in order. */
    private List<Integer> startedBatches() {
        return cluster.messages().stream().filter(m -> m.contains(" has started "))
                .map(m -> Integer.parseInt(m.replaceAll(".* has started (\\d+) tasks.*", "$1"))).toList();
    }

    private List<Integer> stoppedBatches() {
        return cluster.messages().stream().filter(m -> m.contains(" has stopped "))
                .map(m -> Integer.parseInt(m.replaceAll(".* has stopped (\\d+) running tasks.*", "$1"))).toList();
    }
}
