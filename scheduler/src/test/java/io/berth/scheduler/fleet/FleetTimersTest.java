package io.berth.scheduler.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.ExpireStoppedTasks;
import io.berth.core.command.RecordAgentConnectivity;
import io.berth.core.event.ContainerInstanceChanged;
import io.berth.core.event.ContainerInstanceRegistered;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TasksExpired;
import io.berth.core.json.Json;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetTimersTest {

    private static final String KEY = "123456789012/us-east-1/cluster/prod";
    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/abc";
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofHours(1);

    private static ContainerInstance instance(boolean connected, long version) {
        return Json.read(("{'containerInstanceArn':'" + ARN + "','status':'ACTIVE','agentConnected':" + connected
                + ",'version':" + version + ",'registeredResources':[],'attributes':[]}").replace('\'', '"'),
                ContainerInstance.class);
    }

    private static Task stoppedTask(String id, Instant at) {
        return Json.read(("{'taskArn':'arn:aws:ecs:us-east-1:123456789012:task/prod/" + id
                + "','lastStatus':'STOPPED','version':3,'stoppedAt':" + at.getEpochSecond() + "}")
                .replace('\'', '"'), Task.class);
    }

    @Test
    void anAgentSilentForLongerThanTheTimeoutIsMarkedDisconnectedOnce() {
        FleetView view = new FleetView();
        view.apply(KEY, new ContainerInstanceRegistered(instance(true, 1)));

        List<CommandEnvelope> early = FleetTimers.due(view, Map.of(ARN, T0), T0, T0.plusSeconds(29), TIMEOUT,
                RETENTION);
        List<CommandEnvelope> late = FleetTimers.due(view, Map.of(ARN, T0), T0, T0.plusSeconds(31), TIMEOUT,
                RETENTION);
        List<CommandEnvelope> again = FleetTimers.due(view, Map.of(ARN, T0), T0, T0.plusSeconds(33), TIMEOUT,
                RETENTION);

        assertThat(early).isEmpty();
        assertThat(late).singleElement().satisfies(c -> {
            assertThat(c.command()).isEqualTo(new RecordAgentConnectivity("prod", ARN, false));
            assertThat(c.command().boundary(c.scope()).key()).isEqualTo(KEY);
        });
        assertThat(again.get(0).commandId()).as("asking again is the same command").isEqualTo(late.get(0).commandId());
    }

    @Test
    void aReturningAgentIsMarkedConnectedAgain() {
        FleetView view = new FleetView();
        view.apply(KEY, new ContainerInstanceRegistered(instance(true, 1)));
        view.apply(KEY, new ContainerInstanceChanged(instance(false, 2)));

        List<CommandEnvelope> back = FleetTimers.due(view, Map.of(ARN, T0.plusSeconds(60)), T0,
                T0.plusSeconds(61), TIMEOUT, RETENTION);

        assertThat(back).singleElement().satisfies(c ->
                assertThat(c.command()).isEqualTo(new RecordAgentConnectivity("prod", ARN, true)));
    }

    @Test
    void instancesNotHeardFromYetGetTheTimeoutFromWhenTheSchedulerStarted() {
        FleetView view = new FleetView();
        view.apply(KEY, new ContainerInstanceRegistered(instance(true, 1)));

        assertThat(FleetTimers.due(view, Map.of(), T0, T0.plusSeconds(10), TIMEOUT, RETENTION)).isEmpty();
        assertThat(FleetTimers.due(view, Map.of(), T0, T0.plusSeconds(40), TIMEOUT, RETENTION)).hasSize(1);
    }

    @Test
    void stoppedTasksPastRetentionAreExpiredPerCluster() {
        FleetView view = new FleetView();
        view.apply(KEY, new TaskChanged(stoppedTask("a", T0)));
        view.apply(KEY, new TaskChanged(stoppedTask("b", T0.plusSeconds(1800))));

        List<CommandEnvelope> before = FleetTimers.due(view, Map.of(), T0, T0.plusSeconds(3599), TIMEOUT, RETENTION);
        List<CommandEnvelope> after = FleetTimers.due(view, Map.of(), T0, T0.plusSeconds(3601), TIMEOUT, RETENTION);

        assertThat(before).isEmpty();
        assertThat(after).singleElement().satisfies(c -> assertThat(c.command())
                .isEqualTo(new ExpireStoppedTasks("prod", T0.plusSeconds(1))));

        assertThat(FleetTimers.due(view, Map.of(), T0, T0.plusSeconds(3602), TIMEOUT, RETENTION))
                .singleElement().satisfies(c -> assertThat(c.commandId())
                        .as("asked again before the expiry is seen: the same command").isEqualTo(after.get(0).commandId()));

        view.apply(KEY, new TasksExpired("arn:aws:ecs:us-east-1:123456789012:cluster/prod",
                List.of("arn:aws:ecs:us-east-1:123456789012:task/prod/a")));
        assertThat(FleetTimers.due(view, Map.of(), T0, T0.plusSeconds(3601), TIMEOUT, RETENTION)).isEmpty();
        assertThat(FleetTimers.due(view, Map.of(), T0, T0.plusSeconds(5401), TIMEOUT, RETENTION))
                .singleElement().satisfies(c -> assertThat(c.commandId())
                        .as("the next expiry is a new command").isNotEqualTo(after.get(0).commandId()));
    }
}
