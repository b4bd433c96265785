package io.berth.core.cluster;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import io.berth.core.command.CreateService;
import io.berth.core.command.UpdateService;
import io.berth.core.error.ErrorCode;
import io.berth.core.fixture.SchedulingHarness;
import io.berth.core.fixture.SchedulingHarness.Behaviour;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.json.Json;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.core.scheduling.DeploymentDryRunResult;
import io.berth.core.scheduling.DeploymentDryRunResult.Outcome;
import io.berth.core.scheduling.DeploymentDryRunResult.Placement;
import io.berth.core.scheduling.DeploymentDryRunResult.Running;
import io.berth.core.scheduling.DeploymentDryRunResult.Started;
import io.berth.core.scheduling.DeploymentDryRunResult.Step;
import io.berth.core.scheduling.DeploymentDryRunResult.Stopped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dry run of an UpdateService on a settled service: the steps the scheduler's own planner
 * takes when every start succeeds at once, and how the deployment ends. Where the simulated
 * cluster can run the update for real, the dry run's batches must be the ones it really takes.
 */
class DeploymentDryRunTest {

    private static final String UNABLE_TO_STOP_OR_START = "(service api) was unable to stop or start tasks during a "
            + "deployment because of the service deployment configuration. Update the minimumHealthyPercent or "
            + "maximumPercent value and try again.";

    private final SchedulingHarness cluster = new SchedulingHarness();
    /** The same revisions as the harness's, for the dry run to read. */
    private final TaskDefinitions definitions = new TaskDefinitions();

    DeploymentDryRunTest() {
        define("web", 1, 64, true);
        define("web", 2, 64, true);
        define("plain", 1, 64, false);
        define("plain", 2, 64, false);
        define("big", 1, 1024, true);
        define("big", 2, 1024, true);
    }

    private void define(String family, int revision, int memory, boolean healthCheck) {
        cluster.define(family, revision, memory, healthCheck, Behaviour.HEALTHY);
        String check = healthCheck ? ",'healthCheck':{'command':['CMD-SHELL','true'],'interval':5}" : "";
        definitions.define(family, revision, "'networkMode':'bridge','containerDefinitions':[{'name':'"
                + SchedulingHarness.CONTAINER + "','image':'busybox:" + revision + "','memory':" + memory + check
                + "}]");
    }

    private void instances(int n, int memory) {
        for (int i = 0; i < n; i++) {
            cluster.addInstance("eu-west-1" + (char) ('a' + i % 3), 4096, memory);
        }
    }

    private void createAndSettle(String revision, int desired, int min, int max) {
        cluster.given(request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'"
                + revision + "','desiredCount':" + desired + ",'deploymentConfiguration':{'minimumHealthyPercent':"
                + min + ",'maximumPercent':" + max + "}}"));
        cluster.runUntil(c -> settled(c.service("api")), Duration.ofMinutes(5));
    }

    private static boolean settled(Service service) {
        return service.deployments().size() == 1
                && Deployment.COMPLETED.equals(service.deployments().get(0).rolloutState())
                && service.runningCount() == service.desiredCount() && service.pendingCount() == 0;
    }

    private static UpdateService update(String members) {
        return request(UpdateService.class, "{'cluster':'prod','service':'api'," + members + "}");
    }

    private DeploymentDryRunResult dryRun(UpdateService update) {
        return DeploymentDryRun.simulate(cluster.state(), update, definitions, cluster.now());
    }

    private static List<Integer> startedPerStep(DeploymentDryRunResult result) {
        return result.steps().stream().map(s -> s.started().stream().mapToInt(Started::count).sum()).toList();
    }

    private static List<Integer> stoppedPerStep(DeploymentDryRunResult result) {
        return result.steps().stream().map(s -> s.stopped().size()).toList();
    }

    /** How many tasks each "has started" service event of the real run names, in order. */
    private List<Integer> startedBatches() {
        return cluster.messages().stream().filter(m -> m.contains(" has started "))
                .map(m -> Integer.parseInt(m.replaceAll(".* has started (\\d+) tasks.*", "$1"))).toList();
    }

    record Rolling(int desired, int min, int max, List<Integer> started, List<Integer> stopped) {
    }

    static Stream<Arguments> rollingUpdates() {
        return Stream.of(
                Arguments.of(Named.of("10 tasks at 100/150 start 5, stop 5, start 5, stop 5",
                        new Rolling(10, 100, 150, List.of(5, 0, 5, 0), List.of(0, 5, 0, 5)))),
                Arguments.of(Named.of("10 tasks at 50/200 start all 10 and stop 5 old at once, then the other 5",
                        new Rolling(10, 50, 200, List.of(10, 0), List.of(5, 5)))),
                Arguments.of(Named.of("4 tasks at 0/100 stop all 4 old before starting 4",
                        new Rolling(4, 0, 100, List.of(0, 4), List.of(4, 0)))),
                Arguments.of(Named.of("4 tasks at 50/100 stop 2, start 2, twice",
                        new Rolling(4, 50, 100, List.of(0, 2, 0, 2), List.of(2, 0, 2, 0)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rollingUpdates")
    void aRollingUpdateTakesTheBatchesTheBoundsAllowAndCompletes(Rolling row) {
        instances(3, 4096);
        createAndSettle("web:1", row.desired(), row.min(), row.max());
        ClusterState before = cluster.state().copy();

        DeploymentDryRunResult result = dryRun(update("'taskDefinition':'web:2'"));

        assertThat(result.error()).isNull();
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETES);
        assertThat(result.message()).isNull();
        assertThat(startedPerStep(result)).isEqualTo(row.started());
        assertThat(stoppedPerStep(result)).isEqualTo(row.stopped());
        String newDeployment = result.service().at("/deployments/0/id").asText();
        assertThat(result.steps()).last().extracting(Step::running).asInstanceOf(list(Running.class))
                .filteredOn(r -> r.deploymentId().equals(newDeployment)).singleElement()
                .satisfies(r -> {
                    assertThat(r.runningCount()).isEqualTo(row.desired());
                    assertThat(r.taskDefinitionArn()).endsWith("web:2");
                    assertThat(r.status()).isEqualTo("PRIMARY");
                });
        String oldDeployment = before.service("api").orElseThrow().service().deployments().get(0).id();
        assertThat(result.steps()).flatExtracting(Step::running)
                .filteredOn(r -> r.deploymentId().equals(oldDeployment)).extracting(Running::runningCount)
                .as("the old deployment is listed until the step that stops its last task").last().isEqualTo(0);
        assertThat(cluster.state()).as("the dry run leaves the cluster as it was").isEqualTo(before);

        // The same update made for real takes the same batches.
        List<Integer> batchesBefore = startedBatches();
        cluster.given(update("'taskDefinition':'web:2'"));
        cluster.runUntil(c -> settled(c.service("api")) && c.service("api").taskDefinition().endsWith("web:2"),
                Duration.ofMinutes(5));
        List<Integer> realBatches = startedBatches().subList(batchesBefore.size(), startedBatches().size());
        assertThat(realBatches).isEqualTo(row.started().stream().filter(n -> n > 0).toList());
    }

    @Test
    void tasksWithoutHealthChecksCountHealthyOnceTimePassesAndTheUpdateCompletes() {
        instances(2, 4096);
        createAndSettle("plain:1", 4, 100, 200);

        DeploymentDryRunResult result = dryRun(update("'taskDefinition':'plain:2'"));

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETES);
        assertThat(startedPerStep(result)).containsExactly(4, 0);
        assertThat(stoppedPerStep(result)).containsExactly(0, 4);
    }

    @Test
    void eachStartedTaskNamesItsInstanceAndAvailabilityZoneAndStoppedTasksTheirDeployment() {
        instances(3, 4096);
        createAndSettle("web:1", 3, 100, 200);
        String oldDeployment = cluster.service("api").deployments().get(0).id();
        Set<String> runningNow = Set.copyOf(cluster.live("api").stream().map(t -> t.taskArn()).toList());

        DeploymentDryRunResult result = dryRun(update("'taskDefinition':'web:2'"));

        Started started = result.steps().get(0).started().get(0);
        assertThat(started.deploymentId()).isEqualTo(result.service().at("/deployments/0/id").asText());
        assertThat(started.taskDefinitionArn()).endsWith("task-definition/web:2");
        assertThat(started.placements()).hasSize(3).extracting(Placement::availabilityZone)
                .as("the service default spreads over availability zones")
                .containsExactlyInAnyOrder("eu-west-1a", "eu-west-1b", "eu-west-1c");
        assertThat(started.placements()).extracting(Placement::containerInstanceArn)
                .allSatisfy(arn -> assertThat(cluster.state().instance(arn)).isPresent());
        List<Stopped> stopped = result.steps().get(1).stopped();
        assertThat(stopped).extracting(Stopped::taskArn).containsExactlyInAnyOrderElementsOf(runningNow);
        assertThat(stopped).allSatisfy(s -> {
            assertThat(s.deploymentId()).isEqualTo(oldDeployment);
            assertThat(s.simulated()).isNull();
            assertThat(s.reason()).startsWith("Scaling activity initiated by");
        });
    }

    @Test
    void boundsThatAllowNeitherStartNorStopAreBlockedWithTheSchedulersMessage() {
        instances(2, 4096);
        createAndSettle("web:1", 3, 100, 125);

        DeploymentDryRunResult result = dryRun(update("'taskDefinition':'web:2'"));

        assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(result.message()).isEqualTo(UNABLE_TO_STOP_OR_START);
        assertThat(result.steps()).isEmpty();
    }

    @Test
    void anUpdateWithoutRoomForANewTaskIsBlockedBecauseNoInstanceCanPlaceIt() {
        instances(1, 2048);
        createAndSettle("big:1", 2, 100, 200);

        DeploymentDryRunResult result = dryRun(update("'taskDefinition':'big:2'"));

        assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(result.message()).startsWith("(service api) was unable to place a task because no container "
                + "instance met all of its requirements.").endsWith("has insufficient memory available.");
        assertThat(result.steps()).isEmpty();
    }

    @Test
    void scalingUpBeyondTheClusterStartsWhatFitsThenIsBlocked() {
        instances(1, 4096);
        createAndSettle("big:1", 2, 100, 200);

        DeploymentDryRunResult result = dryRun(update("'desiredCount':6"));

        assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(startedPerStep(result)).containsExactly(2);
        assertThat(result.message()).endsWith("has insufficient memory available.");
        assertThat(result.steps().get(0).running()).singleElement()
                .satisfies(r -> assertThat(r.runningCount()).isEqualTo(4));
    }

    @Test
    void aClusterWithoutInstancesCannotPlaceAnything() {
        createAndSettle("web:1", 0, 100, 200);

        DeploymentDryRunResult result = dryRun(update("'desiredCount':2"));

        assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(result.message()).isEqualTo("(service api) was unable to place a task because no container "
                + "instance met all of its requirements. Reason: No Container Instances were found in your cluster.");
    }

    @Test
    void scalingToZeroStopsEveryTaskInOneStepAndCompletes() {
        instances(2, 4096);
        createAndSettle("web:1", 3, 100, 200);

        DeploymentDryRunResult result = dryRun(update("'desiredCount':0"));

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETES);
        assertThat(stoppedPerStep(result)).containsExactly(3);
        assertThat(result.steps().get(0).running()).singleElement()
                .satisfies(r -> assertThat(r.runningCount()).isZero());
    }

    @Test
    void aNewDeploymentOfAServiceAtZeroCompletesWithoutASingleStep() {
        createAndSettle("web:1", 0, 100, 200);

        DeploymentDryRunResult result = dryRun(update("'taskDefinition':'web:2'"));

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETES);
        assertThat(result.steps()).isEmpty();
        assertThat(result.service().at("/deployments/0/taskDefinition").asText()).endsWith("web:2");
    }

    @Test
    void anUpdateThatChangesNothingOnASettledServiceCompletesAtOnce() {
        instances(1, 4096);
        createAndSettle("web:1", 2, 100, 200);

        DeploymentDryRunResult result = dryRun(update("'desiredCount':2"));

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETES);
        assertThat(result.steps()).isEmpty();
    }

    @Test
    void aDeploymentStillRollingAfterTheLastRoundSimulatedIsUnfinished() {
        instances(3, 4096);
        createAndSettle("web:1", 10, 100, 150);

        DeploymentDryRunResult result = DeploymentDryRun.simulate(cluster.state(), update("'taskDefinition':'web:2'"),
                definitions, cluster.now(), 2);

        assertThat(result.outcome()).isEqualTo(Outcome.UNFINISHED);
        assertThat(startedPerStep(result)).containsExactly(5, 0);
        assertThat(result.message()).contains("after 2 rounds");
    }

    static Stream<Arguments> rejectedUpdates() {
        return Stream.of(
                Arguments.of(Named.of("an unknown task definition", "'taskDefinition':'nope:1'"),
                        ErrorCode.CLIENT_EXCEPTION, "TaskDefinition not found."),
                Arguments.of(Named.of("a negative desired count", "'desiredCount':-1"),
                        ErrorCode.INVALID_PARAMETER_EXCEPTION, null));
    }

    @ParameterizedTest(name = "{0} is rejected with the error UpdateService gives")
    @MethodSource("rejectedUpdates")
    void aRejectedUpdateAnswersOnlyTheError(String members, ErrorCode code, String message) {
        instances(1, 4096);
        createAndSettle("web:1", 1, 100, 200);

        DeploymentDryRunResult result = dryRun(update(members));

        assertThat(result.error().code()).isEqualTo(code);
        if (message != null) {
            assertThat(result.error().message()).isEqualTo(message);
        }
        assertThat(Json.toTree(result).fieldNames()).toIterable().containsExactly("error");
    }

    @Test
    void anUpdateOfAServiceThatDoesNotExistIsRejected() {
        DeploymentDryRunResult result = DeploymentDryRun.simulate(cluster.state(),
                request(UpdateService.class, "{'cluster':'prod','service':'ghost','desiredCount':1}"), definitions,
                cluster.now());

        assertThat(result.error().code()).isEqualTo(ErrorCode.SERVICE_NOT_FOUND_EXCEPTION);
    }

    @Test
    void aCopyOfTheStateEvolvesWithoutTheOriginal() {
        instances(1, 4096);
        createAndSettle("web:1", 1, 100, 200);
        ClusterState copy = cluster.state().copy();
        assertThat(copy).isEqualTo(cluster.state());

        cluster.given(update("'desiredCount':2"));

        assertThat(copy).isNotEqualTo(cluster.state());
        assertThat(copy.service("api").orElseThrow().service().desiredCount()).isEqualTo(1);
        assertThat(copy.serviceGeneration("api")).isLessThan(cluster.state().serviceGeneration("api"));
    }
}
