package io.berth.core.scheduling;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.CreateService;
import io.berth.core.command.RunTask;
import io.berth.core.fixture.SchedulingHarness;
import io.berth.core.fixture.SchedulingHarness.Behaviour;
import io.berth.core.model.Deployment;
import io.berth.core.model.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the scheduler does when the fleet or a task changes under a settled service, on a
 * simulated clock: draining (§4.8), an agent that disconnects, a task that fails its health
 * checks (§4.5), and DAEMON services as instances join and leave (§4.7).
 */
class FleetChangeScenarioTest {

    private final SchedulingHarness cluster = new SchedulingHarness()
            .define("web", 1, 64, true, Behaviour.HEALTHY)
            .define("sick", 1, 64, true, Behaviour.UNHEALTHY)
            .define("plain", 1, 64, false, Behaviour.HEALTHY);

    private void service(String name, String revision, int desired, String extra) {
        cluster.given(request(CreateService.class, "{'cluster':'prod','serviceName':'" + name + "','taskDefinition':'"
                + revision + "','desiredCount':" + desired + extra + "}"));
    }

    private boolean steady(String name) {
        var s = cluster.service(name);
        return s.deployments().size() == 1 && Deployment.COMPLETED.equals(s.deployments().get(0).rolloutState())
                && s.runningCount() == s.desiredCount() && s.pendingCount() == 0;
    }

    private long on(String instanceArn, String name) {
        return cluster.live(name).stream().filter(t -> t.containerInstanceArn().equals(instanceArn)).count();
    }

    @Test
    void drainingAnInstanceMovesItsServiceTasksWithinTheBoundsAndLeavesStandaloneTasks() {
        String a = cluster.addInstance("eu-west-1a", 4096, 4096);
        String b = cluster.addInstance("eu-west-1b", 4096, 4096);
        service("api", "web:1", 4, ",'deploymentConfiguration':{'minimumHealthyPercent':50,'maximumPercent':200}");
        cluster.runUntil(c -> steady("api"), Duration.ofMinutes(2));
        assertThat(on(a, "api")).isEqualTo(2);
        cluster.given(request(RunTask.class, "{'cluster':'prod','taskDefinition':'plain:1','placementConstraints':"
                + "[{'type':'memberOf','expression':'attribute:ecs.availability-zone == eu-west-1a'}]}"));
        List<Long> healthy = new ArrayList<>();
        cluster.watch(c -> healthy.add(c.healthy("api", "web:1")));

        cluster.drain(a);
        cluster.runUntil(c -> on(a, "api") == 0 && steady("api") && on(b, "api") == 4, Duration.ofMinutes(2));

        assertThat(healthy).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
        assertThat(cluster.state().tasks()).filteredOn(t -> "family:plain".equals(t.group()))
                .singleElement().satisfies(t -> {
                    assertThat(t.containerInstanceArn()).isEqualTo(a);
                    assertThat(t.desiredStatus()).isEqualTo("RUNNING");
                });
    }

    @Test
    void theTasksOfAnInstanceWhoseAgentDisconnectsAreReplacedElsewhere() {
        String a = cluster.addInstance("eu-west-1a", 4096, 4096);
        String b = cluster.addInstance("eu-west-1b", 4096, 4096);
        service("api", "web:1", 4, "");
        cluster.runUntil(c -> steady("api"), Duration.ofMinutes(2));

        cluster.disconnect(a);
        Duration took = cluster.runUntil(c -> on(b, "api") == 4 && steady("api"), Duration.ofMinutes(2));

        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(cluster.state().tasks()).filteredOn(t -> t.containerInstanceArn().equals(a))
                .allSatisfy(t -> {
                    assertThat(t.desiredStatus()).isEqualTo("STOPPED");
                    assertThat(t.stoppedReason()).isEqualTo("Container instance lost its agent: task replaced elsewhere");
                });
    }

    @Test
    void aTaskThatFailsItsHealthChecksIsReplacedAfterTheGracePeriod() {
        cluster.addInstance("eu-west-1a", 4096, 4096);
        service("api", "sick:1", 1, ",'healthCheckGracePeriodSeconds':30");

        cluster.runUntil(c -> c.state().tasks().stream().anyMatch(t -> "Task failed container health checks"
                .equals(t.stoppedReason())), Duration.ofMinutes(2));

        Task first = cluster.state().tasks().stream().filter(t -> t.stoppedReason() != null).findFirst().orElseThrow();
        assertThat(Duration.between(first.startedAt(), first.stoppingAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(first.stopCode()).isEqualTo("ServiceSchedulerInitiated");
        assertThat(cluster.live("api")).hasSize(1);
    }

    @Test
    void aDaemonRunsOneTaskPerInstanceAsInstancesJoinDrainAndDisconnect() {
        String a = cluster.addInstance("eu-west-1a", 4096, 4096);
        String b = cluster.addInstance("eu-west-1b", 4096, 4096);
        service("agentd", "web:1", 0, ",'schedulingStrategy':'DAEMON'");
        cluster.runUntil(c -> steady("agentd") && c.service("agentd").desiredCount() == 2, Duration.ofMinutes(2));

        String c3 = cluster.addInstance("eu-west-1c", 4096, 4096);
        cluster.runUntil(c -> steady("agentd") && on(c3, "agentd") == 1, Duration.ofMinutes(2));
        assertThat(cluster.service("agentd").desiredCount()).isEqualTo(3);

        cluster.drain(a);
        cluster.runUntil(c -> on(a, "agentd") == 0 && steady("agentd"), Duration.ofMinutes(2));
        assertThat(cluster.service("agentd").desiredCount()).isEqualTo(2);

        cluster.disconnect(b);
        cluster.runUntil(c -> on(b, "agentd") == 0 && steady("agentd"), Duration.ofMinutes(2));
        assertThat(cluster.service("agentd").desiredCount()).isEqualTo(1);
        assertThat(cluster.live("agentd")).singleElement()
                .satisfies(t -> assertThat(t.containerInstanceArn()).isEqualTo(c3));
    }
}
