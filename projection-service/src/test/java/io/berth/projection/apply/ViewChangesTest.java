package io.berth.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.projection.support.Rollouts;
import io.berth.projection.support.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewChangesTest {

    private static final String TOPIC = "berth.events";

    @Test
    void aResourceChangedManyTimesInABatchIsWrittenOnceAsItEnded() {
        Scenario s = new Scenario("123456789012").createCluster("c").deleteCluster("c");

        ViewChanges changes = ViewChanges.fold(TOPIC, onePartition(s.drain()), Map.of());

        assertThat(changes.clusters()).singleElement()
                .satisfies(row -> assertThat(row.cluster().status()).isEqualTo("INACTIVE"));
        assertThat(changes.audit()).extracting(ViewRows.AuditRow::eventType)
                .containsExactly("ClusterCreated", "ClusterDeleted");
        assertThat(changes.nextOffsets()).containsExactly(Map.entry(0, 2L));
    }

    @Test
    void recordsBelowTheAppliedOffsetAreSkipped() {
        Scenario s = new Scenario("123456789012").createCluster("a").createCluster("b").createCluster("c");

        ViewChanges changes = ViewChanges.fold(TOPIC, onePartition(s.drain()), Map.of(0, 2L));

        assertThat(changes.skippedCount()).isEqualTo(2);
        assertThat(changes.appliedCount()).isEqualTo(1);
        assertThat(changes.clusters()).extracting(row -> row.cluster().clusterName()).containsExactly("c");
        assertThat(changes.appliedBefore()).containsExactly(Map.entry(0, 2L));
        assertThat(changes.nextOffsets()).containsExactly(Map.entry(0, 3L));
    }

    @Test
    void aResetDropsWhatTheBatchGatheredForItsBoundaryBeforeIt() {
        Scenario s = new Scenario("123456789012").createCluster("wiped").createCluster("kept")
                .registerTaskDefinition("web").createService("wiped", "svc", "web")
                .serviceEvent("wiped", "svc", "gone").reset("wiped").createCluster("wiped");

        ViewChanges changes = ViewChanges.fold(TOPIC, onePartition(s.drain()), Map.of());

        assertThat(changes.resetBoundaries()).containsExactly("123456789012/eu-west-1/cluster/wiped");
        assertThat(changes.clusters()).extracting(row -> row.cluster().clusterName())
                .containsExactlyInAnyOrder("kept", "wiped");
        assertThat(changes.services()).isEmpty();
        assertThat(changes.serviceEvents()).isEmpty();
        assertThat(changes.taskDefinitions()).hasSize(1);
        assertThat(changes.audit()).as("every event, the reset too").hasSize(7);
    }

    @Test
    void aServiceKeepsItsNewestHundredEventsAndARecreatedServiceStartsAfresh() {
        Scenario s = new Scenario("123456789012").createCluster("c").registerTaskDefinition("web")
                .createService("c", "svc", "web");
        for (int i = 0; i < 130; i++) {
            s.serviceEvent("c", "svc", "event " + i);
        }
        ViewChanges window = ViewChanges.fold(TOPIC, onePartition(s.drain()), Map.of());
        assertThat(window.serviceEvents()).hasSize(100);
        assertThat(window.serviceEvents().get(0).message()).isEqualTo("event 30");

        s.serviceEvent("c", "svc", "old life").deleteService("c", "svc");
        s.settle("c", "svc");
        s.createService("c", "svc", "web").serviceEvent("c", "svc", "new life");
        ViewChanges recreated = ViewChanges.fold(TOPIC, onePartition(s.drain()), Map.of());
        assertThat(recreated.restartedServices()).containsExactly(s.serviceArn("c", "svc"));
        assertThat(recreated.serviceEvents()).extracting(ViewRows.ServiceEventRow::message)
                .containsExactly("new life");
    }

    @Test
    void aTaskKeepsTheReservationOfItsCreationThroughLaterChangesAndExpiryForgetsIt() {
        Scenario s = new Scenario("123456789012").createCluster("c")
                .request(io.berth.core.command.RegisterTaskDefinition.class, "{'family':'web','containerDefinitions':"
                        + "[{'name':'app','image':'busybox','cpu':128,'memory':64,'portMappings':[{'containerPort':80,"
                        + "'hostPort':8080}]}]}")
                .registerInstance("c", 1024, 1024, "eu-west-1a", "")
                .runTask("c", "web", 1, "");
        String task = s.taskArns("c").get(0);
        s.report("c", task, "RUNNING");

        ViewChanges created = ViewChanges.fold(TOPIC, onePartition(s.drain()), Map.of());
        assertThat(created.containerInstances()).singleElement()
                .satisfies(row -> assertThat(row.clusterArn()).isEqualTo(s.clusterArn("c")));
        assertThat(created.tasks()).singleElement().satisfies(row -> {
            assertThat(row.task().lastStatus()).isEqualTo("RUNNING");
            assertThat(row.reservation().cpu()).isEqualTo(128);
            assertThat(row.reservation().tcpPorts()).containsExactly(8080);
        });

        s.stopTask("c", task).report("c", task, "STOPPED");
        ViewChanges stopped = ViewChanges.fold(TOPIC, onePartition(s.drain()), Map.of());
        assertThat(stopped.tasks()).singleElement().satisfies(row -> {
            assertThat(row.task().lastStatus()).isEqualTo("STOPPED");
            assertThat(row.reservation()).as("the stored reservation is kept").isNull();
        });

        s.expireStoppedTasks("c");
        ViewChanges expired = ViewChanges.fold(TOPIC, onePartition(s.drain()), Map.of());
        assertThat(expired.tasks()).isEmpty();
        assertThat(expired.expiredTasks()).containsExactly(task);
    }

    @Test
    void aRollbackEndedInTheBatchEndsItsRowsThereAndIsKeptForStoredRowsAndAResetForgetsIt() {
        Scenario s = new Scenario("123456789012").createCluster("c")
                .registerInstance("c", 4096, 8192, "eu-west-1a", "")
                .registerTaskDefinition("web").registerTaskDefinition("web")
                .request(io.berth.core.command.CreateService.class, "{'cluster':'c','serviceName':'svc',"
                        + "'taskDefinition':'web:1','desiredCount':1,'deploymentConfiguration':"
                        + "{'deploymentCircuitBreaker':{'enable':true,'rollback':true}}}");
        Rollouts.complete(s, "c", "svc");
        String first = s.service("c", "svc").primaryDeployment().id();
        s.request(io.berth.core.command.UpdateService.class, "{'cluster':'c','service':'svc','taskDefinition':'web:2'}");
        String second = s.service("c", "svc").primaryDeployment().id();
        Rollouts.failToStart(s, "c", "svc");
        Rollouts.complete(s, "c", "svc");

        List<EventEnvelope> history = s.drain();
        ViewChanges changes = ViewChanges.fold(TOPIC, onePartition(history), Map.of());
        assertThat(changes.deployments().rows()).extracting(ServiceDeploymentRow::deploymentId)
                .containsExactly(first, second);
        assertThat(changes.deployments().rows().get(1)).satisfies(row -> {
            assertThat(row.rollbackTargetId()).isEqualTo(first);
            assertThat(row.rollbackOutcome()).isEqualTo(ServiceDeploymentRow.SUCCESSFUL);
            assertThat(row.breakerTripped()).isTrue();
            assertThat(row.runningCount()).as("no longer listed").isZero();
        });
        assertThat(changes.deployments().rollbackEnds())
                .as("the first ending of each target, for rows stored before the batch")
                .extracting(ServiceDeploymentChanges.RollbackEnd::targetId, ServiceDeploymentChanges.RollbackEnd::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, ServiceDeploymentRow.SUCCESSFUL),
                        org.assertj.core.groups.Tuple.tuple(second, ServiceDeploymentRow.FAILED));

        List<EventEnvelope> thenReset = new ArrayList<>(history);
        thenReset.addAll(s.reset("c").drain());
        ServiceDeploymentChanges forgotten = ViewChanges.fold(TOPIC, onePartition(thenReset), Map.of()).deployments();
        assertThat(forgotten.rows()).isEmpty();
        assertThat(forgotten.rollbackEnds()).isEmpty();
        assertThat(forgotten.listings()).isEmpty();
    }

    @Test
    void anUnreadableRecordNamesItsPlaceInTheLog() {
        LogRecord garbage = new LogRecord(2, 41, 0L, "not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ViewChanges.fold(TOPIC, List.of(garbage), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the event at berth.events-2@41");
    }

    private static List<LogRecord> onePartition(List<EventEnvelope> events) {
        List<LogRecord> records = new ArrayList<>();
        for (EventEnvelope event : events) {
            records.add(new LogRecord(0, records.size(), 0L, Json.toBytes(event)));
        }
        return records;
    }
}
