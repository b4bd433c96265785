package io.berth.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import io.berth.core.cluster.ClusterDecider;
import io.berth.core.cluster.ClusterState;
import io.berth.core.command.Command;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.LogPosition;
import io.berth.core.command.TagResource;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.RandomIdSource;
import io.berth.core.event.Event;
import io.berth.core.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterReplicasTest {

    private static final Scope SCOPE = new Scope("123456789012", "eu-west-1");
    private static final Boundary PROD = Boundary.cluster(SCOPE, "prod");

    private final ClusterReplicas replicas = new ClusterReplicas();
    private final ClusterState decided = new ClusterState(PROD);
    private long offset;

    /** Decides the command on a state of its own and applies its events to the replicas at partition 1. */
    private void given(Command command) {
        Decision decision = ClusterDecider.decide(decided, command, new DecisionContext(Instant.EPOCH,
                RandomIdSource.INSTANCE, (scope, ref) -> Optional.empty(), "test"));
        assertThat(decision.error()).isNull();
        for (Event event : decision.events()) {
            decided.apply(event);
            replicas.apply(new LogPosition(1, offset++), PROD.key(), event);
        }
    }

    private static <T> T request(Class<T> type, String json) {
        return Json.read(json.replace('\'', '"'), type);
    }

    @Test
    void aSnapshotIsACopyThatLaterEventsLeaveAlone() {
        given(request(CreateCluster.class, "{'clusterName':'prod'}"));
        ClusterState snapshot = replicas.snapshot(PROD.key()).orElseThrow().cluster();
        assertThat(snapshot).isEqualTo(decided);

        given(request(TagResource.class, "{'resourceArn':'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',"
                + "'tags':[{'key':'team','value':'web'}]}"));

        assertThat(replicas.cluster(PROD.key())).contains(decided);
        assertThat(snapshot).isNotEqualTo(decided);
        assertThat(snapshot.tags("arn:aws:ecs:eu-west-1:123456789012:cluster/prod")).isEmpty();
        assertThat(replicas.snapshot(Boundary.cluster(SCOPE, "other").key())).isEmpty();
    }

    @Test
    void positionsAreReachedOnceTheEventAtThemIsApplied() {
        assertThat(replicas.reached(Map.of())).isTrue();
        assertThat(replicas.reached(Map.of(1, 0L))).isFalse();

        given(request(CreateCluster.class, "{'clusterName':'prod'}"));

        assertThat(replicas.reached(Map.of(1, 0L))).isTrue();
        assertThat(replicas.reached(Map.of(1, 1L))).isFalse();
        assertThat(replicas.reached(Map.of(1, 0L, 0, 0L))).as("another partition not yet read").isFalse();
    }
}
