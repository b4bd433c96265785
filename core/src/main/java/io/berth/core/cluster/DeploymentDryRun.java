package io.berth.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.ApplyServicePlan;
import io.berth.core.command.Command;
import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.IdSource;
import io.berth.core.decide.TaskDefinitionLookup;
import io.berth.core.event.Event;
import io.berth.core.model.Container;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.ContainerStateChange;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.core.model.Task;
import io.berth.core.model.TaskStatus;
import io.berth.core.scheduling.DeploymentDryRunResult;
import io.berth.core.scheduling.DeploymentDryRunResult.Outcome;
import io.berth.core.scheduling.DeploymentDryRunResult.Placement;
import io.berth.core.scheduling.DeploymentDryRunResult.Running;
import io.berth.core.scheduling.DeploymentDryRunResult.Started;
import io.berth.core.scheduling.DeploymentDryRunResult.Step;
import io.berth.core.scheduling.DeploymentDryRunResult.Stopped;
import io.berth.core.scheduling.ServicePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "What would this UpdateService do?" (Nomad's {@code job plan}), as a pure function. The update
 * is decided against a copy of the cluster's state; then, on that copy and a simulated clock, the
 * scheduler's own {@link ServicePlanner} plans round after round, each plan is applied by the
 * boundary's own decider, and a simulated agent carries every task the round left to do at once:
 * a started task to RUNNING and HEALTHY, a stopped one to STOPPED. The clock moves
 * {@link #ROUND} per round, past the 40 s after which a task without health checks counts healthy.
 *
 * <p>Worked example: 10 tasks at minimumHealthyPercent 100, maximumPercent 150 allow 15 tasks and
 * need 10 healthy, so the rounds are start 5, stop 5 old, start 5, stop 5 old, then the new
 * deployment completes: four steps. At 100/125 with 3 tasks, the bounds allow 3 tasks and need 3
 * healthy, so nothing can start or stop: BLOCKED with the scheduler's "unable to stop or start".
 *
 * <p>What the dry run cannot know: tasks that fail to start or turn unhealthy, instances that
 * join or leave, other services taking capacity meanwhile. Its ids are made up (a new deployment
 * gets a different id when the update is really made).
 */
public final class DeploymentDryRun {

    /** How far the simulated clock moves per round: past the 40 s that make a task without checks healthy. */
    static final Duration ROUND = ServiceTasks.HEALTHY_WITHOUT_CHECKS.plusSeconds(1);
    /**
     * The most rounds simulated (a round that starts or stops tasks is a step): 200 tasks replaced
     * one at a time take 400 steps.
     */
    static final int MAX_ROUNDS = 500;
    private static final String ACTOR = "berth:dry-run";

    private DeploymentDryRun() {
    }

    public static DeploymentDryRunResult simulate(ClusterState current, UpdateService update,
            TaskDefinitionLookup definitions, Instant now) {
        return simulate(current, update, definitions, now, MAX_ROUNDS);
    }

    static DeploymentDryRunResult simulate(ClusterState current, UpdateService update,
            TaskDefinitionLookup definitions, Instant now, int maxRounds) {
        ClusterState state = current.copy();
        SimulatedIds ids = new SimulatedIds();
        Decision decision = ClusterDecider.decide(state, update, new DecisionContext(now, ids, definitions, ACTOR));
        if (!decision.isAccepted()) {
            return DeploymentDryRunResult.rejected(decision.error());
        }
        decision.events().forEach(state::apply);
        JsonNode answered = decision.response().path("service");
        String name = answered.path("serviceName").asText();

        List<Step> steps = new ArrayList<>();
        String lastMessage = null;
        Instant at = now;
        // Tasks already on their way finish at once too, and time passes before the first round.
        agent(state, name, new DecisionContext(at, ids, definitions, ACTOR));
        for (int round = 1; round <= maxRounds; round++) {
            at = at.plus(ROUND);
            DecisionContext ctx = new DecisionContext(at, ids, definitions, ACTOR);
            ServicePlan plan = ServicePlanner.plan(state, name, definitions, at);
            if (!plan.messages().isEmpty()) {
                lastMessage = plan.messages().get(plan.messages().size() - 1);
            }
            if (plan.launches().isEmpty() && plan.stops().isEmpty()) {
                if (!plan.isEmpty()) {
                    decide(state, new ApplyServicePlan(state.boundary().clusterName(), plan), ctx);
                }
                if (settled(service(state, name))) {
                    return new DeploymentDryRunResult(null, answered, steps, Outcome.COMPLETES, null);
                }
                if (plan.updated() == null) {
                    // Nothing to start, stop or count: the service waits for something outside it. A
                    // planner repeats no message, so without a new one the newest recorded one says why.
                    String reason = lastMessage != null ? lastMessage
                            : state.lastServiceEvent(service(state, name).serviceArn()).orElse(null);
                    return new DeploymentDryRunResult(null, answered, steps, Outcome.BLOCKED, reason);
                }
                continue;
            }
            List<Stopped> stopped = stopped(current, state, plan);
            Set<String> before = state.tasks().stream().map(Task::taskArn).collect(Collectors.toSet());
            List<Deployment> listed = service(state, name).deployments();
            decide(state, new ApplyServicePlan(state.boundary().clusterName(), plan), ctx);
            List<Started> started = started(state, before);
            agent(state, name, ctx);
            steps.add(new Step(steps.size() + 1, started, stopped, running(state, name, listed)));
        }
        return new DeploymentDryRunResult(null, answered, steps, Outcome.UNFINISHED,
                "Still starting or stopping tasks after " + maxRounds + " rounds of the scheduler.");
    }

    /** One COMPLETED deployment running the desired count, nothing pending. */
    private static boolean settled(Service service) {
        List<Deployment> deployments = service.deployments();
        return deployments != null && deployments.size() == 1
                && Deployment.COMPLETED.equals(deployments.get(0).rolloutState())
                && service.runningCount() == service.desiredCount() && service.pendingCount() == 0;
    }

    private static List<Stopped> stopped(ClusterState current, ClusterState state, ServicePlan plan) {
        List<Stopped> stopped = new ArrayList<>();
        for (ServicePlan.Stop stop : plan.stops()) {
            Task task = state.task(stop.taskArn()).orElseThrow();
            boolean simulated = current.task(stop.taskArn()).isEmpty();
            stopped.add(new Stopped(stop.taskArn(), task.startedBy(), stop.reason(), simulated ? true : null));
        }
        return stopped;
    }

    /** The tasks the round created, by deployment in the order they were placed. */
    private static List<Started> started(ClusterState state, Set<String> before) {
        Map<String, List<Task>> byDeployment = new LinkedHashMap<>();
        for (Task task : state.tasks()) {
            if (!before.contains(task.taskArn())) {
                byDeployment.computeIfAbsent(task.startedBy(), k -> new ArrayList<>()).add(task);
            }
        }
        List<Started> started = new ArrayList<>();
        for (List<Task> tasks : byDeployment.values()) {
            List<Placement> placements = tasks.stream().map(t -> new Placement(t.containerInstanceArn(),
                    state.instance(t.containerInstanceArn()).map(i -> i.attribute(ContainerInstances.AVAILABILITY_ZONE))
                            .orElse(null))).toList();
            started.add(new Started(tasks.get(0).startedBy(), tasks.get(0).taskDefinitionArn(), tasks.size(),
                    placements));
        }
        return started;
    }

    /**
     * RUNNING tasks per deployment: those the service lists after the step, then those it listed
     * before and dropped in the step (the step stopped their last tasks), so their end shows.
     */
    private static List<Running> running(ClusterState state, String name, List<Deployment> listedBefore) {
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        service(state, name).deployments().forEach(d -> deployments.put(d.id(), d));
        listedBefore.forEach(d -> deployments.putIfAbsent(d.id(), d));
        String group = ClusterState.SERVICE_GROUP_PREFIX + name;
        List<Running> running = new ArrayList<>();
        for (Deployment d : deployments.values()) {
            int count = (int) state.tasks().stream().filter(t -> group.equals(t.group()) && d.id().equals(t.startedBy()))
                    .filter(t -> ServiceTasks.isLive(t) && ServiceTasks.isRunning(t)).count();
            running.add(new Running(d.id(), d.status(), d.taskDefinition(), count));
        }
        return running;
    }

    /** The simulated agents report on every task of the service, at the context's time. */
    private static void agent(ClusterState state, String name, DecisionContext ctx) {
        for (Task task : List.copyOf(state.tasks())) {
            agentReports(state, name, task).forEach(report -> decide(state, report, ctx));
        }
    }

    /**
     * What the task's agent reports when every start succeeds at once: a task asked to stop is
     * STOPPED; a starting one is PENDING, then RUNNING with its health-checked containers HEALTHY
     * (a RUNNING one still waiting for its first health check turns HEALTHY too). Tasks whose
     * agent is gone, and tasks of other services, stay as they are.
     */
    private static List<Command> agentReports(ClusterState state, String name, Task task) {
        boolean ours = (ClusterState.SERVICE_GROUP_PREFIX + name).equals(task.group());
        boolean reachable = state.instance(task.containerInstanceArn()).filter(ContainerInstance::agentConnected)
                .filter(i -> !ContainerInstance.INACTIVE.equals(i.status())).isPresent();
        if (!ours || !reachable || task.isStopped()) {
            return List.of();
        }
        String cluster = state.boundary().clusterName();
        if (TaskStatus.STOPPED.equals(task.desiredStatus())) {
            return List.of(report(cluster, task, TaskStatus.STOPPED, null));
        }
        List<ContainerStateChange> healthy = task.containers().stream().map(DeploymentDryRun::healthy).toList();
        boolean waitingForChecks = task.containers().stream().anyMatch(c -> "UNKNOWN".equals(c.healthStatus()));
        return switch (task.lastStatus()) {
            case TaskStatus.PROVISIONING -> List.of(report(cluster, task, TaskStatus.PENDING, null),
                    report(cluster, task, TaskStatus.RUNNING, healthy));
            case TaskStatus.PENDING, TaskStatus.ACTIVATING -> List.of(report(cluster, task, TaskStatus.RUNNING, healthy));
            case TaskStatus.RUNNING -> waitingForChecks ? List.of(report(cluster, task, TaskStatus.RUNNING, healthy))
                    : List.of();
            default -> List.of();
        };
    }

    /** A container RUNNING, HEALTHY if it has a health check and has not failed it. */
    private static ContainerStateChange healthy(Container c) {
        String health = c.healthStatus() == null || "UNHEALTHY".equals(c.healthStatus()) ? c.healthStatus()
                : "HEALTHY";
        return new ContainerStateChange(c.name(), null, null, null, null, null, TaskStatus.RUNNING, health, null);
    }

    private static SubmitTaskStateChange report(String cluster, Task task, String status,
            List<ContainerStateChange> containers) {
        return new SubmitTaskStateChange(cluster, task.taskArn(), status, null, containers, null, null, null, null);
    }

    private static void decide(ClusterState state, Command command, DecisionContext ctx) {
        Decision decision = ClusterDecider.decide(state, command, ctx);
        if (!decision.isAccepted()) {
            // The plan was made on this very state and the reports follow the tasks' own lifecycle.
            throw new IllegalStateException("The dry run's own " + command.getClass().getSimpleName()
                    + " was refused: " + decision.error());
        }
        for (Event event : decision.events()) {
            state.apply(event);
        }
    }

    private static Service service(ClusterState state, String name) {
        return state.service(name).orElseThrow().service();
    }

    /** Ids that are made up and say so: deployments ecs-svc/1, 2, ...; tasks and events counted. */
    private static final class SimulatedIds implements IdSource {

        private long deployments;
        private long uuids;
        private long hexIds;

        @Override
        public String deploymentId() {
            return "ecs-svc/" + ++deployments;
        }

        @Override
        public String uuid() {
            return "dry-run-" + ++uuids;
        }

        /**
         * {@code d0000000000000000000000000000001}, ...: never the id of a task that exists, which is
         * a random version-4 UUID (its 13th digit is 4) or, in tests, a count (its first digit is 0).
         */
        @Override
        public String hexId() {
            return String.format("d%031x", ++hexIds);
        }

        @Override
        public long randomSeed() {
            // Service placement seeds itself from the generation; fixed so a dry run stays repeatable regardless.
            return 0;
        }
    }
}
