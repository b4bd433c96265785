package io.berth.core.cluster;

import static io.berth.core.fixture.AgentRequests.register;
import static io.berth.core.fixture.AgentRequests.report;
import static io.berth.core.fixture.Recorded.changedTask;
import static io.berth.core.fixture.Recorded.createdTask;
import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.CreateCluster;
import io.berth.core.command.ExpireStoppedTasks;
import io.berth.core.command.RunTask;
import io.berth.core.command.StopTask;
import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.TasksExpired;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.Recorded;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.model.Container;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.NetworkBinding;
import io.berth.core.model.NetworkInterface;
import io.berth.core.model.Reservation;
import io.berth.core.model.Resource;
import io.berth.core.model.Task;
import io.berth.core.model.TaskAttachment;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A task's life after placement, as ecs-semantics §3.6 and §11 describe it: reports, stops, health, expiry. */
class TaskLifecycleTest {

    private static final String PREFIX = "arn:aws:ecs:eu-west-1:123456789012:";
    private static final String CHECK = "'healthCheck':{'command':['CMD','true']}";

    private final BoundaryFixture prod = BoundaryFixture.cluster("prod")
            .withTaskDefinitions(new TaskDefinitions()
                    .define("web", 1, "'networkMode':'bridge','containerDefinitions':[{'name':'app','image':'web',"
                            + "'cpu':256,'memory':512,'portMappings':[{'containerPort':80,'hostPort':8080}]}]")
                    .define("watched", 1, "'networkMode':'bridge','containerDefinitions':["
                            + "{'name':'app','image':'web','memory':64," + CHECK + "},"
                            + "{'name':'db','image':'db','memory':64," + CHECK + "},"
                            + "{'name':'log','image':'log','memory':64,'essential':false," + CHECK + "},"
                            + "{'name':'plain','image':'plain','memory':64}]")
                    .define("vpc", 1, "'networkMode':'awsvpc','containerDefinitions':[{'name':'app','image':'web',"
                            + "'memory':64,'portMappings':[{'containerPort':80}]}]")
                    .define("sidecar", 1, "'networkMode':'bridge','containerDefinitions':["
                            + "{'name':'app','image':'web','memory':64},"
                            + "{'name':'log','image':'log','memory':64,'essential':false," + CHECK + "}]"))
            .given(request(CreateCluster.class, "{'clusterName':'prod'}"));

    private final ContainerInstance host = Recorded.instance(prod.when(register("prod", "i-1", "eu-west-1a", 1024,
            2048)));

    private Task run(String family) {
        return createdTask(prod.when(request(RunTask.class, "{'cluster':'prod','taskDefinition':'" + family + "'}")));
    }

    private Decision submit(Task task, String status) {
        return prod.when(report("prod", task.taskArn(), status));
    }

    private Decision submit(Task task, String status, String members) {
        return prod.when(report("prod", task.taskArn(), status, members));
    }

    private Decision stop(String task, String reasonMember) {
        return prod.when(request(StopTask.class, "{'cluster':'prod','task':'" + task + "'" + reasonMember + "}"));
    }

    private Task current(Task task) {
        return prod.clusterState().task(task.taskArn()).orElseThrow();
    }

    // ---- the agent's reports ---------------------------------------------------------------

    @Test
    void reportsWalkATaskFromProvisioningToStopped() {
        Task task = run("web");
        Instant created = prod.now();

        prod.advance(Duration.ofSeconds(2));
        Decision pending = submit(task, "PENDING", "'pullStartedAt':" + created.plusSeconds(1).getEpochSecond());
        Task afterPending = changedTask(pending);
        assertThat(afterPending.lastStatus()).isEqualTo("PENDING");
        assertThat(afterPending.version()).isEqualTo(2);
        assertThat(afterPending.pullStartedAt()).isEqualTo(created.plusSeconds(1));
        assertThat(afterPending.startedAt()).isNull();
        assertThat(pending.response().get("acknowledgment").asText()).isEqualTo("ACK");

        prod.advance(Duration.ofSeconds(3));
        Instant runningAt = prod.now();
        Task running = changedTask(submit(task, "RUNNING"));
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.version()).isEqualTo(3);
        assertThat(running.startedAt()).isEqualTo(runningAt);
        assertThat(running.connectivity()).isEqualTo("CONNECTED");
        assertThat(running.connectivityAt()).isEqualTo(runningAt);
        assertThat(running.desiredStatus()).isEqualTo("RUNNING");

        prod.advance(Duration.ofMinutes(10));
        Task stopped = changedTask(submit(task, "STOPPED"));
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.version()).isEqualTo(4);
        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stoppedAt()).isEqualTo(prod.now());
        assertThat(stopped.executionStoppedAt()).isEqualTo(prod.now());
        assertThat(stopped.startedAt()).as("kept").isEqualTo(runningAt);
    }

    @Test
    void statesMayBeSkipped() {
        Task task = run("web");

        Task running = changedTask(submit(task, "RUNNING"));

        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.version()).isEqualTo(2);
    }

    static Stream<Arguments> staleReports() {
        return Stream.of(
                Arguments.of(Named.of("PENDING after RUNNING", "RUNNING"), "PENDING"),
                Arguments.of(Named.of("PROVISIONING after PENDING", "PENDING"), "PROVISIONING"),
                Arguments.of(Named.of("RUNNING after STOPPING", "STOPPING"), "RUNNING"),
                Arguments.of(Named.of("RUNNING after STOPPED", "STOPPED"), "RUNNING"),
                Arguments.of(Named.of("STOPPED again", "STOPPED"), "STOPPED"),
                Arguments.of(Named.of("RUNNING again with nothing new", "RUNNING"), "RUNNING"));
    }

    @ParameterizedTest(name = "{0} appends nothing")
    @MethodSource("staleReports")
    void staleReportsAppendNothing(String reached, String stale) {
        Task task = run("web");
        prod.given(report("prod", task.taskArn(), reached));
        Task before = current(task);

        Decision decision = submit(task, stale);

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).isEmpty();
        assertThat(decision.response().get("acknowledgment").asText()).isEqualTo("ACK");
        assertThat(current(task)).isEqualTo(before);
    }

    @Test
    void containerDetailsAreRecorded() {
        Task task = run("web");

        Task running = changedTask(submit(task, "RUNNING", "'containers':[{'containerName':'app','status':'RUNNING',"
                + "'runtimeId':'4f2a9c','imageDigest':'sha256:abc','networkBindings':[{'bindIP':'0.0.0.0',"
                + "'containerPort':80,'hostPort':8080,'protocol':'tcp'}]}]"));

        Container app = running.containers().get(0);
        assertThat(app.lastStatus()).isEqualTo("RUNNING");
        assertThat(app.runtimeId()).isEqualTo("4f2a9c");
        assertThat(app.imageDigest()).isEqualTo("sha256:abc");
        assertThat(app.networkBindings()).containsExactly(new NetworkBinding("0.0.0.0", 80, 8080, "tcp", null, null));

        Task stopped = changedTask(submit(task, "STOPPED", "'reason':'Essential container in task exited',"
                + "'containers':[{'containerName':'app','status':'STOPPED','exitCode':137,"
                + "'reason':'OutOfMemoryError: Container killed due to memory usage'}]"));

        Container exited = stopped.containers().get(0);
        assertThat(exited.lastStatus()).isEqualTo("STOPPED");
        assertThat(exited.exitCode()).isEqualTo(137);
        assertThat(exited.reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        assertThat(exited.runtimeId()).as("kept from the earlier report").isEqualTo("4f2a9c");
    }

    @Test
    void theNetworkInterfaceOfAnAwsvpcTaskIsAttachedWithItsAddressAndDeletedWhenTheTaskStops() {
        Task task = createdTask(prod.when(request(RunTask.class, "{'cluster':'prod','taskDefinition':'vpc',"
                + "'networkConfiguration':{'awsvpcConfiguration':{'subnets':['subnet-1']}}}")));
        assertThat(task.attachments()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("ElasticNetworkInterface");
            assertThat(a.status()).isEqualTo("PRECREATED");
            assertThat(a.details()).containsExactly(new KeyValuePair("subnetId", "subnet-1"));
        });
        String attachment = task.attachments().get(0).id();

        Task running = changedTask(submit(task, "RUNNING", "'containers':[{'containerName':'app','status':'RUNNING',"
                + "'networkInterfaces':[{'attachmentId':'" + attachment + "','privateIpv4Address':'172.30.0.7'}]}]"));

        TaskAttachment eni = running.attachments().get(0);
        assertThat(eni.status()).isEqualTo("ATTACHED");
        assertThat(eni.details()).contains(new KeyValuePair("subnetId", "subnet-1"),
                new KeyValuePair("privateIPv4Address", "172.30.0.7"));
        assertThat(eni.details()).filteredOn(d -> d.name().equals("networkInterfaceId")).singleElement()
                .satisfies(d -> assertThat(d.value()).matches("eni-[0-9a-f]{17}"));
        assertThat(running.containers().get(0).networkInterfaces())
                .containsExactly(new NetworkInterface(attachment, "172.30.0.7", null));

        Task stopped = changedTask(submit(task, "STOPPED"));
        assertThat(stopped.attachments().get(0).status()).isEqualTo("DELETED");
        assertThat(stopped.attachments().get(0).details()).isEqualTo(eni.details());
    }

    @Test
    void aReportThatOnlyChangesAContainerIsAChange() {
        Task task = run("watched");
        prod.given(report("prod", task.taskArn(), "RUNNING"));

        Task checked = changedTask(submit(task, "RUNNING", "'containers':[{'containerName':'app',"
                + "'healthStatus':'HEALTHY'}]"));

        assertThat(checked.version()).isEqualTo(3);
        assertThat(checked.containers().get(0).healthStatus()).isEqualTo("HEALTHY");
    }

    // ---- health ----------------------------------------------------------------------------

    static Stream<Arguments> health() {
        return Stream.of(
                Arguments.of(Named.of("no health checks at all", "web"), "", "UNKNOWN"),
                Arguments.of(Named.of("checks not yet evaluated", "watched"), "", "UNKNOWN"),
                Arguments.of(Named.of("every essential check HEALTHY", "watched"),
                        health("app", "HEALTHY") + "," + health("db", "HEALTHY"), "HEALTHY"),
                Arguments.of(Named.of("one essential check still UNKNOWN", "watched"),
                        health("app", "HEALTHY") + "," + health("db", "UNKNOWN"), "UNKNOWN"),
                Arguments.of(Named.of("one essential check UNHEALTHY", "watched"),
                        health("app", "HEALTHY") + "," + health("db", "UNHEALTHY"), "UNHEALTHY"),
                Arguments.of(Named.of("an UNHEALTHY non-essential container", "watched"),
                        health("app", "HEALTHY") + "," + health("db", "HEALTHY") + "," + health("log", "UNHEALTHY"),
                        "HEALTHY"),
                Arguments.of(Named.of("only a non-essential container checked", "sidecar"), health("log", "HEALTHY"),
                        "UNKNOWN"));
    }

    private static String health(String container, String status) {
        return "{'containerName':'" + container + "','status':'RUNNING','healthStatus':'" + status + "'}";
    }

    @ParameterizedTest(name = "{0}: the task is {2}")
    @MethodSource("health")
    void taskHealthFollowsItsEssentialContainers(String family, String containers, String expected) {
        Task task = run(family);

        submit(task, "RUNNING", "'containers':[" + containers + "]");

        assertThat(current(task).healthStatus()).isEqualTo(expected);
    }

    // ---- how a task stops ------------------------------------------------------------------

    @Test
    void anEssentialContainerExitingAfterRunningStopsTheTaskWithTheAgentsReason() {
        Task task = run("web");
        prod.given(report("prod", task.taskArn(), "RUNNING"));

        Task stopping = changedTask(submit(task, "STOPPING", "'reason':'Essential container in task exited'"));

        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.stopCode()).isEqualTo("EssentialContainerExited");
        assertThat(stopping.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopping.stoppingAt()).isEqualTo(prod.now());

        Task stopped = changedTask(submit(task, "STOPPED"));

        assertThat(stopped.stopCode()).isEqualTo("EssentialContainerExited");
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
    }

    @Test
    void aStoppedReportAfterRunningIsAnEssentialContainerExit() {
        Task task = run("web");
        prod.given(report("prod", task.taskArn(), "RUNNING"));

        Task stopped = changedTask(submit(task, "STOPPED", "'reason':'Essential container in task exited'"));

        assertThat(stopped.stopCode()).isEqualTo("EssentialContainerExited");
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
    }

    @Test
    void stoppingBeforeRunningIsAFailedStart() {
        Task task = run("web");
        prod.given(report("prod", task.taskArn(), "PENDING"));

        Task stopped = changedTask(submit(task, "STOPPED", "'reason':'CannotPullContainerError: pull access denied'"));

        assertThat(stopped.stopCode()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason()).isEqualTo("CannotPullContainerError: pull access denied");
        assertThat(stopped.startedAt()).isNull();
    }

    @Test
    void goingDownThroughStoppingBeforeRunningIsAFailedStartToo() {
        Task task = run("watched");
        prod.given(report("prod", task.taskArn(), "PENDING"));

        Task stopping = changedTask(submit(task, "STOPPING", "'reason':'CannotCreateContainerError: no space'"));
        Task stopped = changedTask(submit(task, "STOPPED"));

        assertThat(stopping.stopCode()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stopCode()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason()).isEqualTo("CannotCreateContainerError: no space");
    }

    @Test
    void stopTaskAsksTheAgentToStopTheTask() {
        Task task = run("web");
        prod.given(report("prod", task.taskArn(), "RUNNING"));
        prod.advance(Duration.ofMinutes(1));

        Decision decision = stop(task.taskArn(), "");

        Task stopping = changedTask(decision);
        assertThat(stopping.lastStatus()).as("StopTask is asynchronous").isEqualTo("RUNNING");
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.stopCode()).isEqualTo("UserInitiated");
        assertThat(stopping.stoppedReason()).isEqualTo("Task stopped by user");
        assertThat(stopping.stoppingAt()).isEqualTo(prod.now());
        assertThat(stopping.version()).isEqualTo(3);
        assertThat(decision.response().at("/task/desiredStatus").asText()).isEqualTo("STOPPED");
        assertThat(prod.clusterState().reservation(task.taskArn()))
                .as("held until the agent reports STOPPED").isNotEqualTo(Reservation.NONE);
    }

    @Test
    void theStoppedReportKeepsTheUsersStop() {
        Task task = run("web");
        prod.given(report("prod", task.taskArn(), "RUNNING"));
        prod.given(request(StopTask.class, "{'cluster':'prod','task':'" + task.taskArn() + "','reason':'rollback'}"));

        Task stopped = changedTask(submit(task, "STOPPED", "'reason':'Essential container in task exited'"));

        assertThat(stopped.stopCode()).isEqualTo("UserInitiated");
        assertThat(stopped.stoppedReason()).isEqualTo("rollback");
    }

    @Test
    void stopTaskOfAStoppingOrStoppedTaskAppendsNothing() {
        Task task = run("web");
        prod.given(request(StopTask.class, "{'cluster':'prod','task':'" + task.taskArn() + "'}"));

        Decision again = stop(task.taskArn(), "");
        prod.given(report("prod", task.taskArn(), "STOPPED"));
        Decision afterStopped = stop(task.taskArn(), ",'reason':'really'");

        assertThat(again.error()).isNull();
        assertThat(again.events()).isEmpty();
        assertThat(afterStopped.error()).isNull();
        assertThat(afterStopped.events()).isEmpty();
        assertThat(afterStopped.response().at("/task/lastStatus").asText()).isEqualTo("STOPPED");
        assertThat(current(task).stoppedReason()).isEqualTo("Task stopped by user");
    }

    @Test
    void aStopReasonIsAtMost255Characters() {
        Task task = run("web");

        Decision decision = stop(task.taskArn(), ",'reason':'" + "r".repeat(256) + "'");

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(decision.events()).isEmpty();
    }

    // ---- task references -------------------------------------------------------------------

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of(Named.of("the id", "id")),
                Arguments.of(Named.of("the long ARN", "long")),
                Arguments.of(Named.of("the old short ARN", "short")));
    }

    @ParameterizedTest(name = "a task is named by {0}")
    @MethodSource("references")
    void tasksAreNamedByIdOrEitherArn(String form) {
        Task task = run("web");
        String reference = switch (form) {
            case "id" -> task.id();
            case "long" -> task.taskArn();
            default -> PREFIX + "task/" + task.id();
        };

        Task running = changedTask(prod.when(report("prod", reference, "RUNNING")));
        Task stopping = changedTask(stop(reference, ""));

        assertThat(running.taskArn()).isEqualTo(task.taskArn());
        assertThat(stopping.taskArn()).isEqualTo(task.taskArn());
    }

    static Stream<Arguments> badReferences() {
        return Stream.of(
                Arguments.of(Named.of("an unknown id", "f".repeat(32))),
                Arguments.of(Named.of("another cluster's ARN", PREFIX + "task/other/" + "0".repeat(31) + "1")),
                Arguments.of(Named.of("a service ARN", PREFIX + "service/prod/web")));
    }

    @ParameterizedTest(name = "StopTask and reports of {0} are invalid parameters")
    @MethodSource("badReferences")
    void unknownTasksAreInvalidParameters(String reference) {
        run("web");

        Decision stopDecision = stop(reference, "");
        Decision reportDecision = prod.when(report("prod", reference, "RUNNING"));

        assertThat(stopDecision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(reportDecision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    @Test
    void aReportOfAnUnknownStatusIsAnInvalidParameter() {
        Task task = run("web");

        Decision decision = prod.when(request(SubmitTaskStateChange.class, "{'cluster':'prod','task':'"
                + task.taskArn() + "','status':'EXPLODED'}"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    // ---- reservations and expiry -----------------------------------------------------------

    @Test
    void aTaskGivesItsReservationBackWhenItStopsNotWhenItExpires() {
        Task task = run("web");
        prod.given(report("prod", task.taskArn(), "RUNNING"));

        prod.given(report("prod", task.taskArn(), "STOPPED"));

        assertThat(prod.clusterState().task(task.taskArn())).as("still describable").isPresent();
        assertThat(prod.clusterState().reservation(task.taskArn())).isEqualTo(Reservation.NONE);
        ContainerInstance described = ContainerInstances.view(prod.clusterState(),
                prod.clusterState().instance(host.containerInstanceArn()).orElseThrow());
        assertThat(described.remainingResources()).contains(Resource.integer("CPU", 1024),
                Resource.integer("MEMORY", 2048));
    }

    @Test
    void expiryForgetsOnlyTasksStoppedBeforeTheCutOff() {
        Task old = run("web");
        prod.given(report("prod", old.taskArn(), "STOPPED"));
        prod.advance(Duration.ofHours(2));
        Instant cutOff = prod.now();
        Task recent = run("web");
        prod.given(report("prod", recent.taskArn(), "STOPPED"));
        Task alive = run("web");
        prod.advance(Duration.ofHours(1));

        Decision decision = prod.when(new ExpireStoppedTasks("prod", cutOff));

        assertThat(decision.events()).singleElement().isInstanceOf(TasksExpired.class);
        assertThat(((TasksExpired) decision.events().get(0)).taskArns()).containsExactly(old.taskArn());
        assertThat(prod.clusterState().task(old.taskArn())).isEmpty();
        assertThat(prod.clusterState().task(recent.taskArn())).isPresent();
        assertThat(prod.clusterState().task(alive.taskArn())).isPresent();
        assertThat(prod.clusterState().reservation(alive.taskArn())).isNotEqualTo(Reservation.NONE);

        Decision again = prod.when(new ExpireStoppedTasks("prod", cutOff));
        assertThat(again.error()).isNull();
        assertThat(again.events()).isEmpty();
    }

    @Test
    void aRunningTaskNeverExpires() {
        Task task = run("web");
        prod.given(report("prod", task.taskArn(), "RUNNING"));
        prod.advance(Duration.ofDays(30));

        Decision decision = prod.when(new ExpireStoppedTasks("prod", prod.now()));

        assertThat(decision.events()).isEmpty();
        assertThat(prod.clusterState().task(task.taskArn())).isPresent();
    }
}
