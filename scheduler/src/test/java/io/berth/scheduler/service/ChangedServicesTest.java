package io.berth.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.event.ContainerInstanceChanged;
import io.berth.core.event.Event;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TaskCreated;
import io.berth.core.json.Json;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Reservation;
import io.berth.core.model.ServiceEvent;
import io.berth.core.model.Task;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which services an event makes due: the service's own, none for standalone tasks, all for the rest. */
class ChangedServicesTest {

    private static final String PROD = "123456789012/us-east-1/cluster/prod";
    private static final String DEV = "123456789012/us-east-1/cluster/dev";

    private final ChangedServices changed = new ChangedServices();

    private static Task task(String group) {
        return Json.read(("{'taskArn':'arn:aws:ecs:us-east-1:123456789012:task/prod/t','group':'" + group
                + "','lastStatus':'RUNNING','version':2}").replace('\'', '"'), Task.class);
    }

    private static Event serviceEvent(String service) {
        return new ServiceEventRecorded("arn:aws:ecs:us-east-1:123456789012:service/prod/" + service,
                new ServiceEvent("e", Instant.EPOCH, "m"));
    }

    @Test
    void aServicesTasksAndEventsNameIt() {
        changed.record(PROD, new TaskCreated(task("service:api"), Reservation.NONE, null, null));
        changed.record(PROD, new TaskChanged(task("service:web")));
        changed.record(PROD, serviceEvent("api"));

        assertThat(changed.drain()).containsExactly(Map.entry(PROD, Optional.of(Set.of("api", "web"))));
    }

    @Test
    void aStandaloneTaskNamesNoService() {
        changed.record(PROD, new TaskChanged(task("family:batch")));

        assertThat(changed.drain()).isEmpty();
    }

    @Test
    void anInstanceChangeMakesEveryServiceOfItsClusterDueAndOnlyThatCluster() {
        changed.record(DEV, serviceEvent("api"));
        ContainerInstance draining = Json.read("{\"containerInstanceArn\":\"arn\",\"status\":\"DRAINING\","
                + "\"agentConnected\":true,\"version\":2}", ContainerInstance.class);
        changed.record(PROD, new ContainerInstanceChanged(draining));
        changed.record(PROD, serviceEvent("api"));

        assertThat(changed.drain()).containsExactly(Map.entry(DEV, Optional.of(Set.of("api"))),
                Map.entry(PROD, Optional.empty()));
    }

    @Test
    void drainingForgets() {
        changed.record(PROD, serviceEvent("api"));
        changed.drain();

        assertThat(changed.drain()).isEmpty();
    }
}
