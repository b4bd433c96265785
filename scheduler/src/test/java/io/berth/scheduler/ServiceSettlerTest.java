package io.berth.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.arn.Scope;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.ReconcileService;
import io.berth.core.event.ClusterCreated;
import io.berth.core.event.Event;
import io.berth.core.event.EventEnvelope;
import io.berth.core.event.ServiceDeleted;
import io.berth.core.json.Json;
import io.berth.core.model.Cluster;
import io.berth.core.model.Service;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceSettlerTest {

    private static final Scope SCOPE = new Scope("123456789012", "eu-west-1");
    private static final String KEY = "123456789012/eu-west-1/cluster/prod";

    private static EventEnvelope envelope(String eventId, Event event) {
        return EventEnvelope.wrap(eventId, KEY, SCOPE.account(), SCOPE.region(), Instant.parse("2026-11-26T10:00:00Z"),
                "someone", "corr-1", "cmd-1", event);
    }

    private static Service service(String status) {
        return Json.read(("{'serviceArn':'arn:aws:ecs:eu-west-1:123456789012:service/prod/api','serviceName':'api',"
                + "'status':'" + status + "','desiredCount':0,'runningCount':0,'pendingCount':0,'deployments':[]}").replace('\'', '"'), Service.class);
    }

    @Test
    void aServiceChangeAsksItsClusterToSettleTheService() {
        Optional<CommandEnvelope> command = ServiceSettler.react(envelope("e-1", new ServiceDeleted(service("DRAINING"))));

        assertThat(command).hasValueSatisfying(c -> {
            assertThat(c.type()).isEqualTo("ReconcileService");
            assertThat(c.command()).isEqualTo(new ReconcileService("prod", "api"));
            assertThat(c.command().boundary(SCOPE).key()).isEqualTo(KEY);
            assertThat(c.actor()).isEqualTo(ServiceSettler.ACTOR);
            assertThat(c.correlationId()).isEqualTo("corr-1");
        });
    }

    @Test
    void aRedeliveredEventAsksWithTheSameCommandId() {
        EventEnvelope event = envelope("e-7", new ServiceDeleted(service("DRAINING")));

        String first = ServiceSettler.react(event).orElseThrow().commandId();
        String again = ServiceSettler.react(event).orElseThrow().commandId();
        String other = ServiceSettler.react(envelope("e-8", new ServiceDeleted(service("DRAINING")))).orElseThrow()
                .commandId();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void otherEventsAskForNothing() {
        Cluster cluster = new Cluster("arn:aws:ecs:eu-west-1:123456789012:cluster/prod", "prod", null, "ACTIVE", null,
                null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null);

        assertThat(ServiceSettler.react(envelope("e-2", new ClusterCreated(cluster, List.of())))).isEmpty();
    }
}
