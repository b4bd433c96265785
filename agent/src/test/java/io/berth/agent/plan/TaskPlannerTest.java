package io.berth.agent.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.json.Json;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Desired task and observed containers in, actions and report out: the agent's reconciliation as a table. */
class TaskPlannerTest {

    private static final String TASK_ARN = "arn:aws:ecs:us-east-1:000000000000:task/c/0123456789abcdef0123456789abcdef";

    private static ContainerDefinition container(String json) {
        return Json.read(json.replace('\'', '"'), ContainerDefinition.class);
    }

    private static final ContainerDefinition WEB = container("{'name':'web','image':'web:1','essential':true}");
    private static final ContainerDefinition SIDECAR = container(
            "{'name':'sidecar','image':'side:1','essential':false}");
    private static final ContainerDefinition INIT = container("{'name':'init','image':'init:1','essential':false}");
    private static final ContainerDefinition AFTER_INIT_SUCCESS = container("{'name':'app','image':'app:1',"
            + "'dependsOn':[{'containerName':'init','condition':'SUCCESS'}]}");
    private static final ContainerDefinition AFTER_DB_HEALTHY = container("{'name':'app','image':'app:1',"
            + "'dependsOn':[{'containerName':'db','condition':'HEALTHY'}]}");
    private static final ContainerDefinition DB = container("{'name':'db','image':'db:1','essential':true,"
            + "'healthCheck':{'command':['CMD-SHELL','true']}}");
    private static final ContainerDefinition AFTER_WEB_START = container("{'name':'sidecar','image':'side:1',"
            + "'essential':false,'stopTimeout':5,'dependsOn':[{'containerName':'web','condition':'START'}]}");

    private static DesiredTask task(String desiredStatus, ContainerDefinition... containers) {
        Task task = Json.read(("{'taskArn':'" + TASK_ARN + "','desiredStatus':'" + desiredStatus
                + "','lastStatus':'PENDING','version':1}").replace('\'', '"'), Task.class);
        TaskDefinition definition = Json.read("{\"family\":\"f\",\"revision\":1}", TaskDefinition.class);
        return new DesiredTask(task, definition, List.of(containers), "bridge");
    }

    private static ObservedContainer created(String name) {
        return new ObservedContainer(name, "id-" + name, "created", null, null, false, null, List.of(), null);
    }

    private static ObservedContainer running(String name) {
        return new ObservedContainer(name, "id-" + name, "running", null, null, false, null, List.of(), null);
    }

    private static ObservedContainer runningWithHealth(String name, String health) {
        return new ObservedContainer(name, "id-" + name, "running", null, health, false, null, List.of(), null);
    }

    private static ObservedContainer exited(String name, int code) {
        return new ObservedContainer(name, "id-" + name, "exited", code, null, false, null, List.of(), null);
    }

    private static Map<String, ObservedContainer> observed(ObservedContainer... containers) {
        Map<String, ObservedContainer> map = new LinkedHashMap<>();
        Arrays.stream(containers).forEach(c -> map.put(c.containerName(), c));
        return map;
    }

    private static TaskProgress images(String... present) {
        return TaskProgress.of(Set.of(present));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a missing image is pulled first", task("RUNNING", WEB), observed(), images(),
                        List.of(new Action.Pull("web:1")), "PENDING"),
                row("a present image gets its container created and started at once", task("RUNNING", WEB),
                        observed(), images("web:1"), List.of(new Action.Create("web", true)), "PENDING"),
                row("a container with dependencies is created but not started", task("RUNNING", WEB,
                                AFTER_WEB_START), observed(), images("web:1", "side:1"),
                        List.of(new Action.Create("web", true), new Action.Create("sidecar", false)), "PENDING"),
                row("a created container without dependencies is started", task("RUNNING", WEB),
                        observed(created("web")), images("web:1"), List.of(new Action.Start("web")), "PENDING"),
                row("all essential containers running make the task RUNNING", task("RUNNING", WEB, SIDECAR),
                        observed(running("web"), created("sidecar")), images("web:1", "side:1"),
                        List.of(new Action.Start("sidecar")), "RUNNING"),
                row("START waits until the dependency runs", task("RUNNING", WEB, AFTER_WEB_START),
                        observed(created("web"), created("sidecar")), images("web:1", "side:1"),
                        List.of(new Action.Start("web")), "PENDING"),
                row("START is met once the dependency runs", task("RUNNING", WEB, AFTER_WEB_START),
                        observed(running("web"), created("sidecar")), images("web:1", "side:1"),
                        List.of(new Action.Start("sidecar")), "RUNNING"),
                row("SUCCESS waits while the dependency runs", task("RUNNING", INIT, AFTER_INIT_SUCCESS),
                        observed(running("init"), created("app")), images("init:1", "app:1"), List.of(), "PENDING"),
                row("SUCCESS is met by exit code 0", task("RUNNING", INIT, AFTER_INIT_SUCCESS),
                        observed(exited("init", 0), created("app")), images("init:1", "app:1"),
                        List.of(new Action.Start("app")), "PENDING"),
                row("SUCCESS can never be met after exit code 1: the task fails", task("RUNNING", INIT,
                                AFTER_INIT_SUCCESS), observed(exited("init", 1), created("app")),
                        images("init:1", "app:1"), List.of(), "STOPPED"),
                row("HEALTHY waits for the health check", task("RUNNING", DB, AFTER_DB_HEALTHY),
                        observed(runningWithHealth("db", "starting"), created("app")), images("db:1", "app:1"),
                        List.of(), "PENDING"),
                row("HEALTHY is met once healthy", task("RUNNING", DB, AFTER_DB_HEALTHY),
                        observed(runningWithHealth("db", "healthy"), created("app")), images("db:1", "app:1"),
                        List.of(new Action.Start("app")), "PENDING"),
                row("an essential exit stops the rest with their stop timeout", task("RUNNING", WEB, AFTER_WEB_START),
                        observed(exited("web", 1), running("sidecar")), images("web:1", "side:1"),
                        List.of(new Action.Stop("sidecar", 5)), "STOPPING"),
                row("a non-essential exit leaves the task running", task("RUNNING", WEB, SIDECAR),
                        observed(running("web"), exited("sidecar", 0)), images("web:1", "side:1"), List.of(),
                        "RUNNING"),
                row("desired STOPPED stops running containers with the default timeout", task("STOPPED", WEB),
                        observed(running("web")), images("web:1"), List.of(new Action.Stop("web", 30)), "STOPPING"),
                row("desired STOPPED with nothing running is STOPPED", task("STOPPED", WEB),
                        observed(exited("web", 137)), images("web:1"), List.of(), "STOPPED"),
                row("desired STOPPED before anything was created is STOPPED", task("STOPPED", WEB), observed(),
                        images(), List.of(), "STOPPED"),
                row("a failed pull fails the task and nothing is retried", task("RUNNING", WEB), observed(),
                        new TaskProgress(Set.of(), Map.of("web:1", "manifest unknown"), Map.of()), List.of(),
                        "STOPPED"),
                row("a container that cannot be started fails the task", task("RUNNING", WEB),
                        observed(created("web")), new TaskProgress(Set.of("web:1"), Map.of(),
                                Map.of("web", "CannotStartContainerError: port is already allocated")), List.of(),
                        "STOPPED"));
    }

    private static Arguments row(String name, DesiredTask task, Map<String, ObservedContainer> observed,
            TaskProgress progress, List<Action> actions, String status) {
        return Arguments.of(Named.of(name, task), observed, progress, actions, status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plansTheNextStep(DesiredTask task, Map<String, ObservedContainer> observed, TaskProgress progress,
            List<Action> actions, String status) {
        Plan plan = TaskPlanner.plan(task, observed, progress);

        assertThat(plan.actions()).containsExactlyElementsOf(actions);
        assertThat(plan.report().status()).isEqualTo(status);
    }

    @Test
    void aFailureIsReportedWithEcsReasonsPerContainerAndForTheTask() {
        Plan plan = TaskPlanner.plan(task("RUNNING", WEB), observed(),
                new TaskProgress(Set.of(), Map.of("web:1", "manifest unknown"), Map.of()));

        assertThat(plan.report().reason()).isEqualTo("CannotPullContainerError: manifest unknown");
        assertThat(plan.report().containers()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("STOPPED");
            assertThat(c.reason()).isEqualTo("CannotPullContainerError: manifest unknown");
        });
    }

    @Test
    void exitCodesOomKillsAndHealthAreReported() {
        ObservedContainer killed = new ObservedContainer("web", "id-web", "exited", 137, null, true, null, List.of(),
                null);
        Plan stopped = TaskPlanner.plan(task("RUNNING", WEB), observed(killed), images("web:1"));
        assertThat(stopped.report().reason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.report().containers()).singleElement().satisfies(c -> {
            assertThat(c.exitCode()).isEqualTo(137);
            assertThat(c.reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        });

        Plan unhealthy = TaskPlanner.plan(task("RUNNING", DB), observed(runningWithHealth("db", "unhealthy")),
                images("db:1"));
        assertThat(unhealthy.report().containers()).singleElement()
                .satisfies(c -> assertThat(c.healthStatus()).isEqualTo("UNHEALTHY"));
        Plan noCheck = TaskPlanner.plan(task("RUNNING", WEB), observed(running("web")), images("web:1"));
        assertThat(noCheck.report().containers()).singleElement()
                .satisfies(c -> assertThat(c.healthStatus()).isNull());
    }

    @Test
    void aTaskWhoseEssentialContainersStartedRanThroughRunningEvenIfTheyAlreadyExited() {
        Plan quick = TaskPlanner.plan(task("RUNNING", WEB, SIDECAR), observed(exited("web", 0), created("sidecar")),
                images("web:1", "side:1"));

        assertThat(quick.report().status()).isEqualTo("STOPPED");
        assertThat(quick.ranThrough()).hasValueSatisfying(running -> {
            assertThat(running.status()).isEqualTo("RUNNING");
            assertThat(running.containers()).extracting(ContainerReport::status).containsExactly("RUNNING", "PENDING");
            assertThat(running.containers()).extracting(ContainerReport::exitCode).containsOnlyNulls();
        });
    }

    @Test
    void aTaskWhoseEssentialContainerNeverStartedDidNotRun() {
        ObservedContainer failedStart = new ObservedContainer("web", "id-web", "exited", 127, null, false,
                "exec: \"nope\": executable file not found in $PATH", List.of(), null);

        assertThat(TaskPlanner.plan(task("RUNNING", WEB), observed(failedStart), images("web:1")).ranThrough())
                .isEmpty();
        assertThat(TaskPlanner.plan(task("RUNNING", WEB), observed(created("web")), images("web:1")).ranThrough())
                .isEmpty();
        assertThat(TaskPlanner.plan(task("RUNNING", WEB), observed(), images()).ranThrough()).isEmpty();
    }

    @Test
    void theSamePlanIsMadeTwiceForTheSameObservation() {
        DesiredTask desired = task("RUNNING", WEB, SIDECAR);
        Map<String, ObservedContainer> seen = observed(running("web"), created("sidecar"));

        assertThat(TaskPlanner.plan(desired, seen, images("web:1", "side:1")))
                .isEqualTo(TaskPlanner.plan(desired, seen, images("web:1", "side:1")));
    }
}
