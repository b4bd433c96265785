package io.berth.core.cluster;

import static io.berth.core.fixture.AgentRequests.register;
import static io.berth.core.fixture.AgentRequests.report;
import static io.berth.core.fixture.Recorded.createdTask;
import static io.berth.core.fixture.Recorded.createdTasks;
import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.RecordAgentConnectivity;
import io.berth.core.command.RunTask;
import io.berth.core.command.StartTask;
import io.berth.core.command.StopTask;
import io.berth.core.command.UpdateContainerInstancesState;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.TaskCreated;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.Recorded;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.model.Container;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.ContainerOverride;
import io.berth.core.model.Reservation;
import io.berth.core.model.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RunTask and StartTask as ecs-semantics §2, §3.6, §4.1, §4.3 and §11 describe them. */
class TaskLaunchTest {

    private static final String PREFIX = "arn:aws:ecs:eu-west-1:123456789012:";
    private static final String HEX_ID = "[0-9a-f]{32}";

    private final BoundaryFixture prod = BoundaryFixture.cluster("prod")
            .withTaskDefinitions(new TaskDefinitions()
                    .add("web", 1, "ACTIVE", "bridge")
                    .add("retired", 1, "INACTIVE", "bridge")
                    .define("api", 1, "'networkMode':'bridge','containerDefinitions':[{'name':'app','image':'api',"
                            + "'cpu':256,'memory':512,'portMappings':[{'containerPort':80,'hostPort':8080},"
                            + "{'containerPort':81,'hostPort':0},{'containerPort':82}]}]")
                    .define("dns", 1, "'networkMode':'bridge','containerDefinitions':[{'name':'dns','image':'dns',"
                            + "'memory':64,'portMappings':[{'containerPort':53,'hostPort':5353,'protocol':'udp'}]}]")
                    .define("ssh", 1, "'networkMode':'bridge','containerDefinitions':[{'name':'app','image':'ssh',"
                            + "'memory':64,'portMappings':[{'containerPort':22,'hostPort':22}]}]")
                    .define("node", 1, "'networkMode':'host','containerDefinitions':[{'name':'exporter',"
                            + "'image':'node','memory':64,'portMappings':[{'containerPort':9100}]}]")
                    .define("vpc", 1, "'networkMode':'awsvpc','containerDefinitions':[{'name':'app','image':'api',"
                            + "'memory':64,'portMappings':[{'containerPort':80}]}]")
                    .define("sized", 1, "'networkMode':'bridge','cpu':'512','memory':'1024',"
                            + "'containerDefinitions':[{'name':'app','image':'api','cpu':128,'memory':256}]")
                    .define("pair", 1, "'networkMode':'bridge','containerDefinitions':["
                            + "{'name':'app','image':'api','cpu':128,'memory':256,'memoryReservation':128},"
                            + "{'name':'proxy','image':'envoy','memory':64,'essential':false}]")
                    .define("big", 1, "'networkMode':'bridge','containerDefinitions':[{'name':'app','image':'big',"
                            + "'memory':1500}]"))
            .given(request(CreateCluster.class, "{'clusterName':'prod'}"));

    private ContainerInstance host(String ec2InstanceId) {
        return Recorded.instance(prod.when(register("prod", ec2InstanceId, "eu-west-1a", 1024, 2048)));
    }

    private static RunTask run(String members) {
        return request(RunTask.class, "{'cluster':'prod'," + members + "}");
    }

    private static StartTask start(String members) {
        return request(StartTask.class, "{'cluster':'prod'," + members + "}");
    }

    // ---- RunTask: the tasks it records -----------------------------------------------------

    @Test
    void runTaskRecordsProvisioningTasksThatWantToRun() {
        ContainerInstance host = host("i-1");

        Decision decision = prod.when(run("'taskDefinition':'web','count':2,'startedBy':'ci/job_1-a'"));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(TaskCreated.class));
        for (Task task : createdTasks(decision)) {
            assertThat(task.taskArn()).matches(PREFIX + "task/prod/" + HEX_ID);
            assertThat(task.clusterArn()).isEqualTo(PREFIX + "cluster/prod");
            assertThat(task.taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/web:1");
            assertThat(task.containerInstanceArn()).isEqualTo(host.containerInstanceArn());
            assertThat(task.lastStatus()).isEqualTo("PROVISIONING");
            assertThat(task.desiredStatus()).isEqualTo("RUNNING");
            assertThat(task.version()).isEqualTo(1);
            assertThat(task.group()).isEqualTo("family:web");
            assertThat(task.startedBy()).isEqualTo("ci/job_1-a");
            assertThat(task.launchType()).isEqualTo("EC2");
            assertThat(task.createdAt()).isEqualTo(prod.now());
            assertThat(task.availabilityZone()).as("the instance's zone").isEqualTo("eu-west-1a");
            assertThat(task.containers()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("app");
                assertThat(c.lastStatus()).isEqualTo("PENDING");
                assertThat(c.taskArn()).isEqualTo(task.taskArn());
                assertThat(c.containerArn()).startsWith(PREFIX + "container/prod/" + task.id() + "/");
            });
        }
        assertThat(createdTasks(decision)).extracting(Task::taskArn).doesNotHaveDuplicates();
        assertThat(decision.response().get("tasks")).hasSize(2);
        assertThat(decision.response().get("failures")).isEmpty();
        assertThat(decision.response().at("/tasks/0/createdAt").isNumber()).isTrue();
    }

    @Test
    void aGroupGivenIsKept() {
        host("i-1");

        Task task = createdTask(prod.when(run("'taskDefinition':'web','group':'batch:nightly'")));

        assertThat(task.group()).isEqualTo("batch:nightly");
    }

    @Test
    void aRevisionOrItsArnNamesTheDefinition() {
        host("i-1");

        Task byRevision = createdTask(prod.when(run("'taskDefinition':'web:1'")));
        Task byArn = createdTask(prod.when(run("'taskDefinition':'" + PREFIX + "task-definition/web:1'")));

        assertThat(byRevision.taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/web:1");
        assertThat(byArn.taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/web:1");
    }

    @Test
    void overridesAreShownForEveryContainer() {
        host("i-1");

        Task task = createdTask(prod.when(run("'taskDefinition':'pair','overrides':{'containerOverrides':["
                + "{'name':'proxy','command':['envoy','-l','debug']}]}")));

        assertThat(task.overrides().containerOverrides()).extracting(ContainerOverride::name)
                .containsExactly("app", "proxy");
        assertThat(task.overrides().containerOverrides().get(0).command()).isNull();
        assertThat(task.overrides().containerOverrides().get(1).command()).containsExactly("envoy", "-l", "debug");
        assertThat(task.containers()).extracting(Container::name).containsExactly("app", "proxy");
    }

    @Test
    void awsvpcTasksGetAnElasticNetworkInterfaceAttachment() {
        host("i-1");

        Task task = createdTask(prod.when(run("'taskDefinition':'vpc','networkConfiguration':{'awsvpcConfiguration':"
                + "{'subnets':['subnet-1','subnet-2'],'securityGroups':['sg-1']}}")));

        assertThat(task.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.type()).isEqualTo("ElasticNetworkInterface");
            assertThat(attachment.id()).isNotBlank();
            assertThat(attachment.details()).anySatisfy(d -> {
                assertThat(d.name()).isEqualTo("subnetId");
                assertThat(d.value()).isEqualTo("subnet-1");
            });
        });
    }

    @Test
    void bridgeTasksHaveNoAttachments() {
        host("i-1");

        Task task = createdTask(prod.when(run("'taskDefinition':'web'")));

        assertThat(task.attachments()).isEmpty();
    }

    // ---- RunTask: what it refuses ----------------------------------------------------------

    static Stream<Arguments> refusedRuns() {
        return Stream.of(
                row("count 0", "'taskDefinition':'web','count':0", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("count 11", "'taskDefinition':'web','count':11", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a negative count", "'taskDefinition':'web','count':-1", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("an unknown task definition", "'taskDefinition':'nope'", ErrorCode.CLIENT_EXCEPTION),
                row("an INACTIVE task definition", "'taskDefinition':'retired:1'", ErrorCode.CLIENT_EXCEPTION),
                row("startedBy of 129 characters", "'taskDefinition':'web','startedBy':'" + "a".repeat(129) + "'",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("startedBy with a space", "'taskDefinition':'web','startedBy':'me and you'",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("startedBy with a colon", "'taskDefinition':'web','startedBy':'ecs:svc'",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a group of 256 characters", "'taskDefinition':'web','group':'" + "g".repeat(256) + "'",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("awsvpc without a network configuration", "'taskDefinition':'vpc'",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("awsvpc without subnets", "'taskDefinition':'vpc','networkConfiguration':"
                        + "{'awsvpcConfiguration':{'subnets':[]}}", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a network configuration for a bridge task", "'taskDefinition':'web','networkConfiguration':"
                        + "{'awsvpcConfiguration':{'subnets':['subnet-1']}}", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("the FARGATE launch type", "'taskDefinition':'web','launchType':'FARGATE'",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a capacity provider strategy", "'taskDefinition':'web','capacityProviderStrategy':"
                        + "[{'capacityProvider':'FARGATE','weight':1}]", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("an override of an unknown container", "'taskDefinition':'web','overrides':"
                        + "{'containerOverrides':[{'name':'ghost','command':['x']}]}",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a task cpu override that is not a size", "'taskDefinition':'web','overrides':{'cpu':'lots'}",
                        ErrorCode.CLIENT_EXCEPTION),
                row("a task memory override that is not a size", "'taskDefinition':'web','overrides':"
                        + "{'memory':'-5'}", ErrorCode.CLIENT_EXCEPTION),
                row("a negative container memory override", "'taskDefinition':'web','overrides':"
                        + "{'containerOverrides':[{'name':'app','memory':-64}]}",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a negative container cpu override", "'taskDefinition':'web','overrides':"
                        + "{'containerOverrides':[{'name':'app','cpu':-1}]}", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("an unknown placement constraint", "'taskDefinition':'web','placementConstraints':"
                        + "[{'type':'sameZone'}]", ErrorCode.INVALID_PARAMETER_EXCEPTION),
                row("a client token of 65 characters", "'taskDefinition':'web','clientToken':'" + "t".repeat(65) + "'",
                        ErrorCode.INVALID_PARAMETER_EXCEPTION));
    }

    private static Arguments row(String name, String members, ErrorCode code) {
        return Arguments.of(Named.of(name, members), code);
    }

    @ParameterizedTest(name = "RunTask with {0} is refused")
    @MethodSource("refusedRuns")
    void refusedRunAppendsNothing(String members, ErrorCode code) {
        host("i-1");
        int before = prod.history().size();

        Decision decision = prod.when(run(members));

        assertThat(decision.error()).as("error").isNotNull();
        assertThat(decision.error().code()).isEqualTo(code);
        assertThat(decision.events()).isEmpty();
        assertThat(prod.history()).hasSize(before);
    }

    static Stream<Arguments> acceptedRuns() {
        return Stream.of(
                Arguments.of(Named.of("count 1", "'taskDefinition':'web','count':1"), 1),
                Arguments.of(Named.of("count 10", "'taskDefinition':'web','count':10"), 10),
                Arguments.of(Named.of("no count", "'taskDefinition':'web'"), 1),
                Arguments.of(Named.of("startedBy of 128 characters", "'taskDefinition':'web','startedBy':'"
                        + "a".repeat(128) + "'"), 1),
                Arguments.of(Named.of("the EC2 launch type", "'taskDefinition':'web','launchType':'EC2'"), 1),
                Arguments.of(Named.of("the EXTERNAL launch type", "'taskDefinition':'web','launchType':'EXTERNAL'"),
                        1),
                Arguments.of(Named.of("a task cpu override in vCPUs", "'taskDefinition':'web','overrides':"
                        + "{'cpu':'0.25 vCPU'}"), 1));
    }

    @ParameterizedTest(name = "RunTask with {0} starts {1} tasks")
    @MethodSource("acceptedRuns")
    void acceptedRunStartsTasks(String members, int tasks) {
        host("i-1");

        Decision decision = prod.when(run(members));

        assertThat(decision.error()).isNull();
        assertThat(createdTasks(decision)).hasSize(tasks);
    }

    // ---- reservations ----------------------------------------------------------------------

    static Stream<Arguments> reservations() {
        return Stream.of(
                Arguments.of(Named.of("one container's cpu and memory", "'taskDefinition':'web'"),
                        new Reservation(0, 64, Set.of(), Set.of())),
                Arguments.of(Named.of("task-level cpu and memory over the containers'", "'taskDefinition':'sized'"),
                        new Reservation(512, 1024, Set.of(), Set.of())),
                Arguments.of(Named.of("the containers' sums, memoryReservation before memory",
                        "'taskDefinition':'pair'"), new Reservation(128, 128 + 64, Set.of(), Set.of())),
                Arguments.of(Named.of("container overrides", "'taskDefinition':'pair','overrides':"
                        + "{'containerOverrides':[{'name':'proxy','cpu':64,'memory':96}]}"),
                        new Reservation(128 + 64, 128 + 96, Set.of(), Set.of())),
                Arguments.of(Named.of("task-level overrides", "'taskDefinition':'sized','overrides':"
                        + "{'cpu':'1 vCPU','memory':'2048'}"), new Reservation(1024, 2048, Set.of(), Set.of())),
                Arguments.of(Named.of("a static bridge host port, not a dynamic or unmapped one",
                        "'taskDefinition':'api'"), new Reservation(256, 512, Set.of(8080), Set.of())),
                Arguments.of(Named.of("a static UDP port", "'taskDefinition':'dns'"),
                        new Reservation(0, 64, Set.of(), Set.of(5353))),
                Arguments.of(Named.of("the container port in host mode", "'taskDefinition':'node'"),
                        new Reservation(0, 64, Set.of(9100), Set.of())),
                Arguments.of(Named.of("no port in awsvpc mode", "'taskDefinition':'vpc','networkConfiguration':"
                        + "{'awsvpcConfiguration':{'subnets':['subnet-1']}}"),
                        new Reservation(0, 64, Set.of(), Set.of())));
    }

    @ParameterizedTest(name = "a task holds {0}")
    @MethodSource("reservations")
    void theReservationRecordedWithTheTask(String members, Reservation expected) {
        Recorded.instance(prod.when(register("prod", "i-1", "eu-west-1a", 4096, 8192)));

        Decision decision = prod.when(run(members));

        TaskCreated created = (TaskCreated) decision.events().get(0);
        assertThat(created.reservation()).isEqualTo(expected);
        assertThat(created.task().cpu()).isEqualTo(String.valueOf(expected.cpu()));
        assertThat(created.task().memory()).isEqualTo(String.valueOf(expected.memory()));
        assertThat(prod.clusterState().reservation(created.task().taskArn())).isEqualTo(expected);
    }

    // ---- placement -------------------------------------------------------------------------

    @Test
    void tasksThatDoNotFitAreFailuresWhileTheCallSucceeds() {
        ContainerInstance host = host("i-1");

        Decision decision = prod.when(run("'taskDefinition':'big','count':2"));

        assertThat(decision.error()).isNull();
        assertThat(createdTasks(decision)).hasSize(1);
        JsonNode failures = decision.response().get("failures");
        assertThat(failures).hasSize(1);
        assertThat(failures.at("/0/reason").asText()).isEqualTo("RESOURCE:MEMORY");
        assertThat(failures.at("/0/arn").asText()).isEqualTo(host.containerInstanceArn());
    }

    @Test
    void aSecondRunTaskSeesTheReservationsOfTheFirst() {
        host("i-1");
        prod.given(run("'taskDefinition':'big'"));

        Decision second = prod.when(run("'taskDefinition':'big'"));

        assertThat(second.events()).isEmpty();
        assertThat(second.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:MEMORY");
    }

    @Test
    void cpuIsReservedToo() {
        host("i-1");
        prod.given(run("'taskDefinition':'sized','overrides':{'cpu':'1024','memory':'128'}"));

        Decision decision = prod.when(run("'taskDefinition':'sized','overrides':{'cpu':'128','memory':'128'}"));

        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:CPU");
    }

    @Test
    void withoutAConnectedAgentNothingIsPlaced() {
        ContainerInstance host = host("i-1");
        prod.given(new RecordAgentConnectivity("prod", host.containerInstanceArn(), false));

        Decision decision = prod.when(run("'taskDefinition':'web'"));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).isEmpty();
        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("AGENT");
    }

    @Test
    void drainingInstancesTakeNoTasks() {
        ContainerInstance host = host("i-1");
        prod.given(new UpdateContainerInstancesState("prod", List.of(host.containerInstanceArn()), "DRAINING"));

        Decision decision = prod.when(run("'taskDefinition':'web'"));

        assertThat(decision.events()).isEmpty();
        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("AGENT");
    }

    @Test
    void aClusterWithoutContainerInstancesRefusesRunTask() {
        Decision decision = prod.when(run("'taskDefinition':'web'"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(decision.error().message()).isEqualTo("No Container Instances were found in your cluster.");
    }

    @Test
    void aStaticHostPortIsHeldOncePerInstance() {
        ContainerInstance host = host("i-1");

        Decision decision = prod.when(run("'taskDefinition':'api','count':2"));

        assertThat(createdTasks(decision)).hasSize(1);
        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:PORTS");
        assertThat(decision.response().at("/failures/0/arn").asText()).isEqualTo(host.containerInstanceArn());

        Decision later = prod.when(run("'taskDefinition':'api'"));
        assertThat(later.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:PORTS");
    }

    @Test
    void tasksWithTheSamePortSpreadOverInstances() {
        ContainerInstance first = host("i-1");
        ContainerInstance second = host("i-2");

        Decision decision = prod.when(run("'taskDefinition':'api','count':2"));

        assertThat(createdTasks(decision)).extracting(Task::containerInstanceArn)
                .containsExactlyInAnyOrder(first.containerInstanceArn(), second.containerInstanceArn());
    }

    @Test
    void hostModeHoldsTheContainerPort() {
        host("i-1");
        prod.given(run("'taskDefinition':'node'"));

        Decision decision = prod.when(run("'taskDefinition':'node'"));

        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:PORTS");
    }

    @Test
    void aStaticUdpPortIsHeldToo() {
        host("i-1");
        prod.given(run("'taskDefinition':'dns'"));

        Decision decision = prod.when(run("'taskDefinition':'dns'"));

        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:PORTS_UDP");
    }

    @Test
    void aPortTheInstanceReservedIsTaken() {
        host("i-1");

        Decision decision = prod.when(run("'taskDefinition':'ssh'"));

        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:PORTS");
    }

    @Test
    void awsvpcTasksShareAnInstanceWhateverTheirPorts() {
        host("i-1");

        Decision decision = prod.when(run("'taskDefinition':'vpc','count':3,'networkConfiguration':"
                + "{'awsvpcConfiguration':{'subnets':['subnet-1']}}"));

        assertThat(createdTasks(decision)).hasSize(3);
    }

    @Test
    void aStoppedTaskGivesItsPortBack() {
        host("i-1");
        Task first = createdTask(prod.when(run("'taskDefinition':'api'")));
        prod.given(request(StopTask.class, "{'cluster':'prod','task':'" + first.taskArn() + "'}"));

        Decision whileStopping = prod.when(run("'taskDefinition':'api'"));
        assertThat(whileStopping.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:PORTS");

        prod.given(report("prod", first.taskArn(), "STOPPED"));
        assertThat(createdTasks(prod.when(run("'taskDefinition':'api'")))).hasSize(1);
    }

    // ---- clientToken -----------------------------------------------------------------------

    @Test
    void theSameRequestWithTheSameTokenReturnsTheSameTasks() {
        host("i-1");
        Decision first = prod.when(run("'taskDefinition':'web','count':2,'clientToken':'abc-123'"));
        int appended = prod.history().size();

        Decision retry = prod.when(run("'taskDefinition':'web','count':2,'clientToken':'abc-123'"));

        assertThat(retry.error()).isNull();
        assertThat(retry.events()).isEmpty();
        assertThat(prod.history()).hasSize(appended);
        assertThat(retry.response().get("tasks")).hasSize(2);
        List<String> returned = new ArrayList<>();
        retry.response().get("tasks").forEach(task -> returned.add(task.get("taskArn").asText()));
        assertThat(returned).containsExactlyElementsOf(createdTasks(first).stream().map(Task::taskArn).toList());
    }

    @Test
    void aDifferentRequestWithTheSameTokenConflicts() {
        host("i-1");
        prod.given(run("'taskDefinition':'web','clientToken':'abc-123'"));
        int appended = prod.history().size();

        Decision decision = prod.when(run("'taskDefinition':'web','count':2,'clientToken':'abc-123'"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CONFLICT_EXCEPTION);
        assertThat(prod.history()).hasSize(appended);
    }

    @Test
    void anotherTokenStartsOtherTasks() {
        host("i-1");
        Task first = createdTask(prod.when(run("'taskDefinition':'web','clientToken':'one'")));

        Task second = createdTask(prod.when(run("'taskDefinition':'web','clientToken':'two'")));

        assertThat(second.taskArn()).isNotEqualTo(first.taskArn());
    }

    // ---- StartTask -------------------------------------------------------------------------

    @Test
    void startTaskStartsOneTaskOnEachNamedInstance() {
        ContainerInstance first = host("i-1");
        ContainerInstance second = host("i-2");

        Decision decision = prod.when(start("'taskDefinition':'api','startedBy':'me','containerInstances':['"
                + first.containerInstanceArn() + "','" + second.id() + "']"));

        assertThat(decision.error()).isNull();
        List<Task> tasks = createdTasks(decision);
        assertThat(tasks).extracting(Task::containerInstanceArn)
                .containsExactly(first.containerInstanceArn(), second.containerInstanceArn());
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
            assertThat(t.startedBy()).isEqualTo("me");
            assertThat(t.group()).isEqualTo("family:api");
        });
        assertThat(decision.response().get("failures")).isEmpty();
    }

    @Test
    void anUnknownInstanceIsAMissingFailure() {
        ContainerInstance host = host("i-1");
        String unknown = "f".repeat(32);

        Decision decision = prod.when(start("'taskDefinition':'web','containerInstances':['" + unknown + "','"
                + host.id() + "']"));

        assertThat(createdTasks(decision)).hasSize(1);
        assertThat(decision.response().at("/failures/0/arn").asText()).isEqualTo(unknown);
        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("MISSING");
    }

    @Test
    void aFullInstanceIsAResourceFailure() {
        ContainerInstance host = host("i-1");
        prod.given(run("'taskDefinition':'big'"));

        Decision decision = prod.when(start("'taskDefinition':'big','containerInstances':['" + host.id() + "']"));

        assertThat(decision.events()).isEmpty();
        assertThat(decision.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:MEMORY");
        assertThat(decision.response().at("/failures/0/arn").asText()).isEqualTo(host.containerInstanceArn());
    }

    @Test
    void theSameInstanceNamedTwiceGetsTwoTasksIfTheyFit() {
        ContainerInstance host = host("i-1");

        Decision decision = prod.when(start("'taskDefinition':'web','containerInstances':['" + host.id() + "','"
                + host.containerInstanceArn() + "']"));

        assertThat(createdTasks(decision)).hasSize(2)
                .allSatisfy(t -> assertThat(t.containerInstanceArn()).isEqualTo(host.containerInstanceArn()));
    }

    @Test
    void theSameInstanceNamedTwiceGetsOneTaskWhenOnlyOneFits() {
        ContainerInstance first = host("i-1");
        ContainerInstance second = host("i-2");

        Decision memory = prod.when(start("'taskDefinition':'big','containerInstances':['" + first.id() + "','"
                + first.id() + "']"));
        Decision ports = prod.when(start("'taskDefinition':'api','containerInstances':['" + second.id() + "','"
                + second.id() + "']"));

        assertThat(createdTasks(memory)).hasSize(1);
        assertThat(memory.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:MEMORY");
        assertThat(createdTasks(ports)).hasSize(1);
        assertThat(ports.response().at("/failures/0/reason").asText()).isEqualTo("RESOURCE:PORTS");
    }

    @Test
    void startTaskNamesOneToTenInstances() {
        host("i-1");
        String eleven = String.join("','", Collections.nCopies(11, "f".repeat(32)));

        Decision none = prod.when(start("'taskDefinition':'web','containerInstances':[]"));
        Decision tooMany = prod.when(start("'taskDefinition':'web','containerInstances':['" + eleven + "']"));

        assertThat(none.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(tooMany.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    @Test
    void startTaskNeedsAnActiveTaskDefinition() {
        ContainerInstance host = host("i-1");

        Decision decision = prod.when(start("'taskDefinition':'retired:1','containerInstances':['" + host.id()
                + "']"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CLIENT_EXCEPTION);
    }
}
