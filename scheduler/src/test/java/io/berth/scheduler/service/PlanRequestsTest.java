package io.berth.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import io.berth.core.command.Command;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.DeleteService;
import io.berth.core.command.LogPosition;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.decide.BoundaryState;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.RandomIdSource;
import io.berth.core.event.Event;
import io.berth.core.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's asking: the same view asks the same command once; a plan refused with nothing
 * changed is asked again under a new id, at most three times; a moved view asks afresh.
 */
class PlanRequestsTest {

    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final Boundary CLUSTER = Boundary.cluster(SCOPE, "prod");
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final ClusterReplicas replicas = new ClusterReplicas();
    private final BoundaryState cluster = BoundaryState.empty(CLUSTER);
    private final BoundaryState account = BoundaryState.empty(Boundary.account(SCOPE));
    private final PlanRequests requests = new PlanRequests();
    private long offset;

    @BeforeEach
    void aServiceWithoutInstances() {
        decide(account, read(RegisterTaskDefinition.class, "{'family':'web','containerDefinitions':"
                + "[{'name':'app','image':'busybox','memory':32}]}"));
        decide(cluster, read(CreateCluster.class, "{'clusterName':'prod'}"));
        decide(cluster, read(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web',"
                + "'desiredCount':1}"));
    }

    @Test
    void theSameViewAsksTheSameCommandOnce() {
        List<CommandEnvelope> first = requests.due(replicas, CLUSTER.key(), T0);
        List<CommandEnvelope> again = requests.due(replicas, CLUSTER.key(), T0.plusMillis(500));

        assertThat(first).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("ApplyServicePlan");
            assertThat(c.actor()).isEqualTo(PlanRequests.ACTOR);
        });
        assertThat(again).isEmpty();
        assertThat(new PlanRequests().due(replicas, CLUSTER.key(), T0)).extracting(CommandEnvelope::commandId)
                .as("a restarted scheduler asks the same command").containsExactly(first.get(0).commandId());
    }

    @Test
    void aRefusedPlanIsAskedAgainUnderNewIdsAtMostThreeTimes() {
        String first = requests.due(replicas, CLUSTER.key(), T0).get(0).commandId();
        List<CommandEnvelope> tooSoon = requests.due(replicas, CLUSTER.key(), T0.plusSeconds(4));
        String second = requests.due(replicas, CLUSTER.key(), T0.plusSeconds(5)).get(0).commandId();
        String third = requests.due(replicas, CLUSTER.key(), T0.plusSeconds(10)).get(0).commandId();
        List<CommandEnvelope> fourth = requests.due(replicas, CLUSTER.key(), T0.plusSeconds(60));

        assertThat(tooSoon).isEmpty();
        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
        assertThat(fourth).as("then it waits for the view to move").isEmpty();
    }

    @Test
    void aMovedViewAsksAfresh() {
        CommandEnvelope first = requests.due(replicas, CLUSTER.key(), T0).get(0);

        decide(cluster, first.command());

        assertThat(requests.due(replicas, CLUSTER.key(), T0.plusSeconds(1))).as("the plan applied: nothing left to ask")
                .isEmpty();
        decide(cluster, read(DeleteService.class, "{'cluster':'prod','service':'api','force':true}"));
        assertThat(requests.due(replicas, CLUSTER.key(), T0.plusSeconds(2))).singleElement()
                .satisfies(c -> assertThat(c.commandId()).isNotEqualTo(first.commandId()));
    }

    /** Decides a command as the command-service would and feeds its events to the replicas. */
    private void decide(BoundaryState state, Command command) {
        Decision decision = state.decide(command, new DecisionContext(T0, RandomIdSource.INSTANCE, replicas, "test"));
        assertThat(decision.error()).as("%s", command).isNull();
        for (Event event : decision.events()) {
            state.apply(event);
            replicas.apply(new LogPosition(0, offset++), state.boundary().key(), event);
        }
    }

    private static <T extends Command> T read(Class<T> type, String json) {
        return Json.read(json.replace('\'', '"'), type);
    }
}
