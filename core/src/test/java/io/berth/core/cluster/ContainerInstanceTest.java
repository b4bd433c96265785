package io.berth.core.cluster;

import static io.berth.core.fixture.AgentRequests.register;
import static io.berth.core.fixture.AgentRequests.reregister;
import static io.berth.core.fixture.AgentRequests.report;
import static io.berth.core.fixture.Recorded.createdTask;
import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.DeleteCluster;
import io.berth.core.command.DeregisterContainerInstance;
import io.berth.core.command.RecordAgentConnectivity;
import io.berth.core.command.RegisterContainerInstance;
import io.berth.core.command.RunTask;
import io.berth.core.command.StopTask;
import io.berth.core.command.UpdateContainerInstancesState;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.ClusterDeleted;
import io.berth.core.event.ContainerInstanceChanged;
import io.berth.core.event.ContainerInstanceDeregistered;
import io.berth.core.event.ContainerInstanceRegistered;
import io.berth.core.event.TaskChanged;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.Recorded;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.model.ClusterCounts;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Reservation;
import io.berth.core.model.Resource;
import io.berth.core.model.Task;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Container instances as ecs-semantics §2 and §3.7 describe them, and what they mean for the cluster. */
class ContainerInstanceTest {

    private static final String PREFIX = "arn:aws:ecs:eu-west-1:123456789012:";
    private static final String CPU = "{'name':'CPU','type':'INTEGER','integerValue':1024}";
    private static final String MEMORY = "{'name':'MEMORY','type':'INTEGER','integerValue':2048}";

    private final BoundaryFixture prod = BoundaryFixture.cluster("prod")
            .withTaskDefinitions(new TaskDefinitions()
                    .define("api", 1, "'networkMode':'bridge','containerDefinitions':[{'name':'app','image':'api',"
                            + "'cpu':256,'memory':512,'portMappings':[{'containerPort':80,'hostPort':8080}]}]"))
            .given(request(CreateCluster.class, "{'clusterName':'prod'}"));

    private ContainerInstance registerHost(String ec2InstanceId) {
        return Recorded.instance(prod.when(register("prod", ec2InstanceId, "eu-west-1a", 1024, 2048)));
    }

    private Task runApiOn(ContainerInstance host) {
        Decision run = prod.when(request(RunTask.class, "{'cluster':'prod','taskDefinition':'api',"
                + "'placementConstraints':[{'type':'memberOf','expression':'ec2InstanceId == " + host.ec2InstanceId()
                + "'}]}"));
        return createdTask(run);
    }

    /** The instance as DescribeContainerInstances shows it: remaining resources and counts filled in. */
    private ContainerInstance described(ContainerInstance instance) {
        ClusterState state = prod.clusterState();
        return ContainerInstances.view(state, state.instance(instance.containerInstanceArn()).orElseThrow());
    }

    // ---- RegisterContainerInstance ---------------------------------------------------------

    @Test
    void registerRecordsAnActiveConnectedInstanceWithItsLongArnAndIdentity() {
        Decision decision = prod.when(register("prod", "i-0abc", "eu-west-1b", 2048, 3900));

        assertThat(decision.events()).singleElement().isInstanceOf(ContainerInstanceRegistered.class);
        ContainerInstance instance = Recorded.instance(decision);
        assertThat(instance.containerInstanceArn()).matches(PREFIX + "container-instance/prod/[0-9a-f]{32}");
        assertThat(instance.status()).isEqualTo("ACTIVE");
        assertThat(instance.agentConnected()).isTrue();
        assertThat(instance.version()).isEqualTo(1);
        assertThat(instance.registeredAt()).isEqualTo(prod.now());
        assertThat(instance.ec2InstanceId()).as("from the identity document").isEqualTo("i-0abc");
        assertThat(instance.attribute("ecs.availability-zone")).as("from the identity document")
                .isEqualTo("eu-west-1b");
        assertThat(instance.versionInfo().agentVersion()).isEqualTo("1.0.0");
        assertThat(decision.response().at("/containerInstance/containerInstanceArn").asText())
                .isEqualTo(instance.containerInstanceArn());
        assertThat(decision.response().at("/containerInstance/registeredAt").isNumber())
                .as("timestamps are epoch seconds").isTrue();
    }

    @Test
    void registeredResourcesAreNormalisedWithTheDefaultReservedPorts() {
        ContainerInstance instance = Recorded.instance(prod.when(register("prod", "i-1", "eu-west-1a", 2048, 3900)));

        assertThat(instance.registeredResources()).containsExactly(
                Resource.integer("CPU", 2048),
                Resource.integer("MEMORY", 3900),
                Resource.stringSet("PORTS", List.of("22", "2375", "2376", "51678", "51679", "51680")),
                Resource.stringSet("PORTS_UDP", List.of()));
    }

    @Test
    void givenPortsReplaceTheDefaults() {
        ContainerInstance instance = Recorded.instance(prod.when(request(RegisterContainerInstance.class,
                "{'cluster':'prod','totalResources':[{'name':'CPU','type':'INTEGER','integerValue':1024},"
                        + "{'name':'MEMORY','type':'INTEGER','integerValue':2048},"
                        + "{'name':'PORTS','type':'STRINGSET','stringSetValue':['22','9100']},"
                        + "{'name':'PORTS_UDP','type':'STRINGSET','stringSetValue':['161']}]}")));

        assertThat(instance.registeredResources()).contains(
                Resource.stringSet("PORTS", List.of("22", "9100")),
                Resource.stringSet("PORTS_UDP", List.of("161")));
    }

    @Test
    void withoutAnIdentityDocumentTheInstanceStillGetsAnEc2StyleIdAndNoZone() {
        ContainerInstance instance = Recorded.instance(prod.when(request(RegisterContainerInstance.class,
                "{'cluster':'prod','totalResources':[{'name':'CPU','type':'INTEGER','integerValue':1024},"
                        + "{'name':'MEMORY','type':'INTEGER','integerValue':2048}]}")));

        assertThat(instance.ec2InstanceId()).matches("i-[0-9a-f]{17}");
        assertThat(instance.attribute("ecs.availability-zone")).isNull();
    }

    @Test
    void tenCustomAttributesAreAllowedBesideBuiltInOnes() {
        String custom = IntStream.rangeClosed(1, 10).mapToObj(i -> "{'name':'rack" + i + "','value':'r'}")
                .collect(Collectors.joining(","));
        Decision decision = prod.when(request(RegisterContainerInstance.class,
                "{'cluster':'prod','totalResources':[{'name':'CPU','type':'INTEGER','integerValue':1024},"
                        + "{'name':'MEMORY','type':'INTEGER','integerValue':2048}],'attributes':[" + custom
                        + ",{'name':'ecs.instance-type','value':'m5.large'},{'name':'ecs.os-type','value':'linux'}]}"));

        assertThat(Recorded.instance(decision).attributes()).hasSize(12);
    }

    static Stream<Arguments> refusedRegistrations() {
        String elevenAttributes = IntStream.rangeClosed(1, 11).mapToObj(i -> "{'name':'rack" + i + "','value':'r'}")
                .collect(Collectors.joining(","));
        return Stream.of(
                row("no CPU", "'totalResources':[" + MEMORY + "]", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("no MEMORY", "'totalResources':[" + CPU + "]", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("no resources at all", "'instanceIdentityDocument':'{}'", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("zero CPU", "'totalResources':[{'name':'CPU','type':'INTEGER','integerValue':0}," + MEMORY + "]",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("negative MEMORY", "'totalResources':[" + CPU
                        + ",{'name':'MEMORY','type':'INTEGER','integerValue':-1}]",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("MEMORY without an integer value", "'totalResources':[" + CPU
                        + ",{'name':'MEMORY','type':'DOUBLE','doubleValue':2048.0}]",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a reserved port that is not a number", "'totalResources':[" + CPU + "," + MEMORY
                        + ",{'name':'PORTS','type':'STRINGSET','stringSetValue':['ssh']}]",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a reserved UDP port out of range", "'totalResources':[" + CPU + "," + MEMORY
                        + ",{'name':'PORTS_UDP','type':'STRINGSET','stringSetValue':['70000']}]",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a resource without a name", "'totalResources':[" + CPU + "," + MEMORY
                        + ",{'type':'INTEGER','integerValue':1}]", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("an identity document that is not JSON", "'instanceIdentityDocument':'not json',"
                        + "'totalResources':[" + CPU + "," + MEMORY + "]", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("eleven custom attributes", "'totalResources':[" + CPU + "," + MEMORY + "],'attributes':["
                        + elevenAttributes + "]", ErrorCode.CLIENT_EXCEPTION),
                row("an attribute name of 129 characters", "'totalResources':[" + CPU + "," + MEMORY
                        + "],'attributes':[{'name':'" + "a".repeat(129) + "'}]", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("an unknown containerInstanceArn", "'containerInstanceArn':'" + PREFIX
                        + "container-instance/prod/" + "f".repeat(32) + "','totalResources':[" + CPU + "," + MEMORY
                        + "]", ErrorCode.INVALID_PARAMETER_EXCEPTION));
    }

    private static Arguments row(String name, String members, ErrorCode code) {
        return Arguments.of(Named.of(name, members), code);
    }

    @ParameterizedTest(name = "a registration with {0} is refused")
    @MethodSource("refusedRegistrations")
    void refusedRegistrationAppendsNothing(String members, ErrorCode code) {
        Decision decision = prod.when(request(RegisterContainerInstance.class, "{'cluster':'prod'," + members + "}"));

        assertThat(decision.error()).isNotNull();
        assertThat(decision.error().code()).isEqualTo(code);
        assertThat(decision.events()).isEmpty();
        assertThat(prod.clusterState().instances()).isEmpty();
    }

    @Test
    void registrationInAClusterThatDoesNotExistIsRefused() {
        Decision decision = BoundaryFixture.cluster("ghost").when(register("ghost", "i-1", "eu-west-1a", 1024, 2048));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CLUSTER_NOT_FOUND_EXCEPTION);
    }

    // ---- re-registration -------------------------------------------------------------------

    @Test
    void reRegistrationKeepsTheIdentityAndBumpsTheVersion() {
        ContainerInstance first = registerHost("i-1");
        prod.given(new RecordAgentConnectivity("prod", first.containerInstanceArn(), false));
        prod.advance(Duration.ofMinutes(5));

        ContainerInstance again = Recorded.instance(prod.when(reregister("prod", first.containerInstanceArn(), 1024,
                2048)));

        assertThat(again.containerInstanceArn()).isEqualTo(first.containerInstanceArn());
        assertThat(again.registeredAt()).isEqualTo(first.registeredAt());
        assertThat(again.ec2InstanceId()).as("kept when the document is not sent again").isEqualTo("i-1");
        assertThat(again.version()).isEqualTo(3);
        assertThat(again.agentConnected()).isTrue();
        assertThat(again.versionInfo().agentVersion()).isEqualTo("1.0.1");
        assertThat(prod.clusterState().instances()).hasSize(1);
    }

    @Test
    void reRegistrationAcceptsTheBareId() {
        ContainerInstance first = registerHost("i-1");

        ContainerInstance again = Recorded.instance(prod.when(reregister("prod", first.id(), 1024, 2048)));

        assertThat(again.containerInstanceArn()).isEqualTo(first.containerInstanceArn());
    }

    @Test
    void reRegistrationKeepsTheTasksOnTheInstance() {
        ContainerInstance host = registerHost("i-1");
        Task task = runApiOn(host);

        prod.given(reregister("prod", host.containerInstanceArn(), 1024, 2048));

        assertThat(described(host).pendingTasksCount()).isEqualTo(1);
        assertThat(prod.clusterState().reservation(task.taskArn())).isNotEqualTo(Reservation.NONE);
    }

    @Test
    void reRegistrationOfADrainingInstanceLeavesItDraining() {
        ContainerInstance host = registerHost("i-1");
        prod.given(new UpdateContainerInstancesState("prod", List.of(host.containerInstanceArn()), "DRAINING"));

        ContainerInstance again = Recorded.instance(prod.when(reregister("prod", host.containerInstanceArn(), 1024,
                2048)));

        assertThat(again.status()).as("an agent restart does not undo a drain").isEqualTo("DRAINING");
    }

    @Test
    void reRegistrationOfADeregisteredInstanceIsRefused() {
        ContainerInstance host = registerHost("i-1");
        prod.given(new DeregisterContainerInstance("prod", host.containerInstanceArn(), null));

        Decision decision = prod.when(reregister("prod", host.containerInstanceArn(), 1024, 2048));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CLIENT_EXCEPTION);
        assertThat(decision.error().message()).isEqualTo("Container instance " + host.id() + " is inactive.");
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void reRegistrationWithOtherResourcesIsRefused() {
        ContainerInstance host = registerHost("i-1");

        Decision decision = prod.when(reregister("prod", host.containerInstanceArn(), 1024, 1024));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CLIENT_EXCEPTION);
        assertThat(decision.error().message()).startsWith("Container instance type changes are not supported.");
        assertThat(decision.events()).isEmpty();
    }

    // ---- UpdateContainerInstancesState -----------------------------------------------------

    @Test
    void drainingAndActivatingChangeTheStatusAndTheVersion() {
        ContainerInstance host = registerHost("i-1");

        Decision drain = prod.when(new UpdateContainerInstancesState("prod", List.of(host.containerInstanceArn()),
                "DRAINING"));

        assertThat(drain.events()).singleElement().isInstanceOf(ContainerInstanceChanged.class);
        assertThat(Recorded.instance(drain).status()).isEqualTo("DRAINING");
        assertThat(Recorded.instance(drain).version()).isEqualTo(2);
        assertThat(drain.response().at("/containerInstances/0/status").asText()).isEqualTo("DRAINING");
        assertThat(drain.response().get("failures")).isEmpty();

        Decision activate = prod.when(new UpdateContainerInstancesState("prod", List.of(host.id()), "ACTIVE"));

        assertThat(Recorded.instance(activate).status()).isEqualTo("ACTIVE");
        assertThat(Recorded.instance(activate).version()).isEqualTo(3);
    }

    @Test
    void theStatusItAlreadyHasAppendsNothingButShowsTheInstance() {
        ContainerInstance host = registerHost("i-1");

        Decision decision = prod.when(new UpdateContainerInstancesState("prod", List.of(host.containerInstanceArn()),
                "ACTIVE"));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).isEmpty();
        assertThat(decision.response().at("/containerInstances/0/containerInstanceArn").asText())
                .isEqualTo(host.containerInstanceArn());
    }

    @Test
    void unknownInstancesAreMissingFailuresWhileTheOthersChange() {
        ContainerInstance host = registerHost("i-1");
        String unknown = "0".repeat(31) + "f";

        Decision decision = prod.when(new UpdateContainerInstancesState("prod",
                List.of(unknown, host.containerInstanceArn()), "DRAINING"));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).hasSize(1);
        assertThat(decision.response().at("/failures/0/arn").asText()).isEqualTo(unknown);
        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("MISSING");
        assertThat(decision.response().get("containerInstances")).hasSize(1);
    }

    @Test
    void anInstanceNamedTwiceChangesOnce() {
        ContainerInstance host = registerHost("i-1");

        Decision decision = prod.when(new UpdateContainerInstancesState("prod",
                List.of(host.containerInstanceArn(), host.id()), "DRAINING"));

        assertThat(decision.events()).as("one change, one version").hasSize(1);
        assertThat(prod.clusterState().instance(host.containerInstanceArn()).orElseThrow().version()).isEqualTo(2);
        assertThat(decision.response().get("containerInstances")).hasSize(1);
    }

    static Stream<Arguments> refusedStates() {
        return Stream.of(
                Arguments.of(Named.of("INACTIVE", "INACTIVE")),
                Arguments.of(Named.of("REGISTERING", "REGISTERING")),
                Arguments.of(Named.of("lower-case draining", "draining")),
                Arguments.of(Named.of("no status", null)));
    }

    @ParameterizedTest(name = "status {0} is an invalid parameter")
    @MethodSource("refusedStates")
    void onlyActiveAndDrainingAreStatesToSet(String status) {
        ContainerInstance host = registerHost("i-1");

        Decision decision = prod.when(new UpdateContainerInstancesState("prod", List.of(host.containerInstanceArn()),
                status));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void moreThanTenInstancesAtOnceAreRefused() {
        registerHost("i-1");
        List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> String.format("%032x", i)).toList();

        Decision decision = prod.when(new UpdateContainerInstancesState("prod", eleven, "DRAINING"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    // ---- RecordAgentConnectivity -----------------------------------------------------------

    @Test
    void agentConnectivityChangesOnceAndARepeatAppendsNothing() {
        ContainerInstance host = registerHost("i-1");

        Decision lost = prod.when(new RecordAgentConnectivity("prod", host.containerInstanceArn(), false));
        Decision lostAgain = prod.when(new RecordAgentConnectivity("prod", host.containerInstanceArn(), false));
        Decision back = prod.when(new RecordAgentConnectivity("prod", host.containerInstanceArn(), true));

        assertThat(Recorded.instance(lost).agentConnected()).isFalse();
        assertThat(Recorded.instance(lost).version()).isEqualTo(2);
        assertThat(lostAgain.error()).isNull();
        assertThat(lostAgain.events()).isEmpty();
        assertThat(Recorded.instance(back).agentConnected()).isTrue();
        assertThat(Recorded.instance(back).version()).isEqualTo(3);
    }

    @Test
    void connectivityOfAnUnknownOrDeregisteredInstanceAppendsNothing() {
        ContainerInstance host = registerHost("i-1");
        prod.given(new DeregisterContainerInstance("prod", host.containerInstanceArn(), null));

        Decision gone = prod.when(new RecordAgentConnectivity("prod", host.containerInstanceArn(), true));
        Decision unknown = prod.when(new RecordAgentConnectivity("prod", "f".repeat(32), false));

        assertThat(gone.events()).isEmpty();
        assertThat(unknown.events()).isEmpty();
        assertThat(unknown.error()).isNull();
    }

    // ---- DeregisterContainerInstance -------------------------------------------------------

    @Test
    void deregisteringAnIdleInstanceMakesItInactive() {
        ContainerInstance host = registerHost("i-1");

        Decision decision = prod.when(new DeregisterContainerInstance("prod", host.id(), null));

        assertThat(decision.events()).singleElement().isInstanceOf(ContainerInstanceDeregistered.class);
        ContainerInstance inactive = Recorded.instance(decision);
        assertThat(inactive.status()).isEqualTo("INACTIVE");
        assertThat(inactive.agentConnected()).isFalse();
        assertThat(inactive.version()).isEqualTo(2);
        assertThat(decision.response().at("/containerInstance/status").asText()).isEqualTo("INACTIVE");
        assertThat(prod.clusterState().counts().registeredContainerInstances()).isZero();
    }

    @Test
    void deregisteringWithTasksThatAreNotStoppedNeedsForce() {
        ContainerInstance host = registerHost("i-1");
        runApiOn(host);

        Decision decision = prod.when(new DeregisterContainerInstance("prod", host.containerInstanceArn(), false));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(decision.events()).isEmpty();
        assertThat(prod.clusterState().instance(host.containerInstanceArn()).orElseThrow().status())
                .isEqualTo("ACTIVE");
    }

    @Test
    void stoppedTasksDoNotHoldAnInstanceBack() {
        ContainerInstance host = registerHost("i-1");
        Task task = runApiOn(host);
        prod.given(report("prod", task.taskArn(), "STOPPED"));

        Decision decision = prod.when(new DeregisterContainerInstance("prod", host.containerInstanceArn(), null));

        assertThat(Recorded.instance(decision).status()).isEqualTo("INACTIVE");
    }

    @Test
    void forcedDeregistrationStopsTheTasksOnTheInstance() {
        ContainerInstance host = registerHost("i-1");
        ContainerInstance other = registerHost("i-2");
        Task task = runApiOn(host);
        Task elsewhere = runApiOn(other);
        prod.advance(Duration.ofMinutes(1));

        Decision decision = prod.when(new DeregisterContainerInstance("prod", host.containerInstanceArn(), true));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).hasSize(2);
        assertThat(decision.events().get(0)).isInstanceOf(TaskChanged.class);
        Task stopped = ((TaskChanged) decision.events().get(0)).task();
        assertThat(stopped.taskArn()).isEqualTo(task.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stoppedAt()).isEqualTo(prod.now());
        assertThat(stopped.version()).isEqualTo(task.version() + 1);
        assertThat(decision.events().get(1)).isInstanceOf(ContainerInstanceDeregistered.class);
        assertThat(prod.clusterState().reservation(task.taskArn())).isEqualTo(Reservation.NONE);
        assertThat(prod.clusterState().task(elsewhere.taskArn()).orElseThrow().lastStatus())
                .as("tasks on other instances").isEqualTo("PROVISIONING");
        JsonNode shown = decision.response().get("containerInstance");
        assertThat(shown.get("status").asText()).isEqualTo("INACTIVE");
        assertThat(shown.get("pendingTasksCount").asInt()).as("its tasks are stopped").isZero();
        assertThat(shown.at("/remainingResources/0/integerValue").asInt()).isEqualTo(1024);
    }

    @Test
    void deregisteringAnUnknownInstanceIsAnInvalidParameter() {
        Decision decision = prod.when(new DeregisterContainerInstance("prod", "f".repeat(32), null));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    // ---- remaining resources and counts ----------------------------------------------------

    @Test
    void remainingResourcesAreRegisteredLessTheReservationsOfTasksNotStopped() {
        ContainerInstance host = registerHost("i-1");
        Task task = runApiOn(host);

        ContainerInstance busy = described(host);

        assertThat(busy.remainingResources()).containsExactly(
                Resource.integer("CPU", 1024 - 256),
                Resource.integer("MEMORY", 2048 - 512),
                Resource.stringSet("PORTS", List.of("22", "2375", "2376", "8080", "51678", "51679", "51680")),
                Resource.stringSet("PORTS_UDP", List.of()));
        assertThat(busy.registeredResources()).as("registered resources never change")
                .contains(Resource.integer("CPU", 1024));
        assertThat(busy.pendingTasksCount()).isEqualTo(1);
        assertThat(busy.runningTasksCount()).isZero();

        prod.given(report("prod", task.taskArn(), "RUNNING"));
        assertThat(described(host).runningTasksCount()).isEqualTo(1);
        assertThat(described(host).pendingTasksCount()).isZero();

        prod.given(request(StopTask.class, "{'cluster':'prod','task':'" + task.taskArn() + "'}"));
        assertThat(described(host).remainingResources()).as("a task stopping still holds its reservation")
                .contains(Resource.integer("MEMORY", 2048 - 512));

        prod.given(report("prod", task.taskArn(), "STOPPED"));
        ContainerInstance idle = described(host);
        assertThat(idle.remainingResources()).contains(Resource.integer("CPU", 1024), Resource.integer("MEMORY", 2048),
                Resource.stringSet("PORTS", List.of("22", "2375", "2376", "51678", "51679", "51680")));
        assertThat(idle.runningTasksCount()).isZero();
    }

    @Test
    void responsesShowTheRemainingResources() {
        ContainerInstance host = registerHost("i-1");
        runApiOn(host);

        Decision drain = prod.when(new UpdateContainerInstancesState("prod", List.of(host.containerInstanceArn()),
                "DRAINING"));

        assertThat(drain.response().at("/containerInstances/0/remainingResources/1/name").asText())
                .isEqualTo("MEMORY");
        assertThat(drain.response().at("/containerInstances/0/remainingResources/1/integerValue").asInt())
                .isEqualTo(2048 - 512);
        assertThat(drain.response().at("/containerInstances/0/pendingTasksCount").asInt()).isEqualTo(1);
    }

    @Test
    void clusterCountsFollowInstancesAndTasks() {
        ContainerInstance first = registerHost("i-1");
        ContainerInstance second = registerHost("i-2");
        ContainerInstance third = registerHost("i-3");
        runApiOn(first);
        Task running = runApiOn(second);
        Task stopped = runApiOn(third);
        prod.given(report("prod", running.taskArn(), "RUNNING"),
                report("prod", stopped.taskArn(), "STOPPED"),
                new UpdateContainerInstancesState("prod", List.of(second.containerInstanceArn()), "DRAINING"),
                new DeregisterContainerInstance("prod", third.containerInstanceArn(), null));

        ClusterCounts counts = prod.clusterState().counts();

        assertThat(counts.registeredContainerInstances()).as("ACTIVE and DRAINING, not INACTIVE").isEqualTo(2);
        assertThat(counts.runningTasks()).isEqualTo(1);
        assertThat(counts.pendingTasks()).as("the PROVISIONING task").isEqualTo(1);
    }

    // ---- DeleteCluster ---------------------------------------------------------------------

    @Test
    void deleteClusterIsRefusedWhileTasksOrInstancesRemain() {
        ContainerInstance host = registerHost("i-1");
        Task task = runApiOn(host);

        Decision withTask = prod.when(new DeleteCluster("prod"));
        assertThat(withTask.error().code()).isEqualTo(ErrorCode.CLUSTER_CONTAINS_TASKS_EXCEPTION);
        assertThat(withTask.events()).isEmpty();

        prod.given(report("prod", task.taskArn(), "STOPPED"),
                new UpdateContainerInstancesState("prod", List.of(host.containerInstanceArn()), "DRAINING"));
        Decision withDrainingInstance = prod.when(new DeleteCluster("prod"));
        assertThat(withDrainingInstance.error().code())
                .isEqualTo(ErrorCode.CLUSTER_CONTAINS_CONTAINER_INSTANCES_EXCEPTION);

        prod.given(new DeregisterContainerInstance("prod", host.containerInstanceArn(), null));
        Decision emptied = prod.when(new DeleteCluster("prod"));
        assertThat(emptied.error()).isNull();
        assertThat(emptied.events()).singleElement().isInstanceOf(ClusterDeleted.class);
    }
}
