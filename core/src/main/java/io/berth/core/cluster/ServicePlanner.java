package io.berth.core.cluster;

import io.berth.core.decide.TaskDefinitionLookup;
import io.berth.core.model.Deployment;
import io.berth.core.model.DeploymentConfiguration;
import io.berth.core.model.Service;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.TaskStatus;
import io.berth.core.placement.PlacementOutcome;
import io.berth.core.scheduling.RollingBounds;
import io.berth.core.scheduling.ServicePlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a service needs next (ecs-semantics §4.4-§4.8, §5): {@code plan(state, service, now)} is
 * pure. The scheduler computes it from its own replica of the cluster's state and sends it as an
 * {@link io.berth.core.command.ApplyServicePlan}; the cluster boundary applies it only at the same
 * generation. The REPLICA loop, per plan:
 * <ol>
 * <li>the circuit breaker counts the PRIMARY deployment's failed tasks and may fail it and roll
 *     back ({@link DeploymentBookkeeping#circuitBreaker});</li>
 * <li>tasks whose instance lost its agent, and tasks not yet RUNNING on a draining instance, stop
 *     at once;</li>
 * <li>PRIMARY tasks start: {@code min(D - keepers, maxTasks - live)}, unless the deployment FAILED
 *     or the start-failure throttle holds;</li>
 * <li>tasks to replace (older deployments, draining instances, failed health checks) stop while
 *     the healthy count stays at or above {@code minimumHealthy}, not-yet-RUNNING and unhealthy
 *     ones first; a RUNNING task not yet counted healthy stops only once the healthy ones alone
 *     meet the floor;</li>
 * <li>with a single deployment, surplus tasks stop (victim selection);</li>
 * <li>counts, dropped deployments, completion and steady state ({@link DeploymentBookkeeping#settle}).</li>
 * </ol>
 */
public final class ServicePlanner {

    static final String AGENT_LOST = "Container instance lost its agent: task replaced elsewhere";

    private ServicePlanner() {
    }

    public static ServicePlan plan(ClusterState state, String serviceName, TaskDefinitionLookup definitions,
            Instant now) {
        long generation = state.serviceGeneration(serviceName);
        long structural = state.structuralGeneration(serviceName);
        Optional<Service> found = state.service(serviceName).map(ClusterState.ServiceEntry::service);
        if (found.isEmpty() || Service.INACTIVE.equals(found.get().status())) {
            return new ServicePlan(serviceName, generation, structural, List.of(), List.of(), null, List.of());
        }
        Service service = found.get();
        ServiceTasks tasks = ServiceTasks.of(state, service, definitions, now);
        PlanDraft draft = new PlanDraft(service);
        if (Service.DRAINING.equals(service.status())) {
            drain(tasks, draft);
        } else if (service.primaryDeployment() == null) {
            // EXTERNAL services deploy through task sets, which Berth does not schedule yet.
            return new ServicePlan(serviceName, generation, structural, List.of(), List.of(), null, List.of());
        } else if (ServiceValidation.DAEMON.equals(service.schedulingStrategy())) {
            DaemonPlanner.plan(state, tasks, draft, generation, now);
        } else {
            replica(state, tasks, draft, generation, now);
        }
        return draft.toPlan(generation, structural, state.lastServiceEvent(service.serviceArn()));
    }

    /** A deleted service: every live task stops; INACTIVE once none is left that could still run. */
    private static void drain(ServiceTasks tasks, PlanDraft draft) {
        Service service = draft.service();
        for (Task t : tasks.live()) {
            draft.stop(t, scalingActivity(t.startedBy()));
        }
        DeploymentBookkeeping.settle(tasks, draft, false);
        boolean gone = tasks.all().stream().allMatch(t -> t.isStopped() || tasks.isLost(t)
                || (draft.stopping(t) || TaskStatus.STOPPED.equals(t.desiredStatus()))
                        && TaskStatus.rank(t.lastStatus()) >= TaskStatus.rank(TaskStatus.STOPPING));
        if (gone && !draft.hasActions()) {
            draft.service(draft.service().withStatus(Service.INACTIVE));
        }
    }

    private static void replica(ClusterState state, ServiceTasks tasks, PlanDraft draft, long generation,
            Instant now) {
        DeploymentBookkeeping.circuitBreaker(state, tasks, draft);
        Service service = draft.service();
        Deployment primary = service.primaryDeployment();
        int desired = service.desiredCount();
        RollingBounds bounds = bounds(service);

        List<Task> remaining = new ArrayList<>();
        for (Task t : tasks.live()) {
            if (tasks.isLost(t)) {
                draft.stop(t, AGENT_LOST);
            } else if (tasks.onDrainingInstance(t) && !ServiceTasks.isRunning(t)) {
                draft.stop(t, scalingActivity(primary.id()));
            } else {
                remaining.add(t);
            }
        }
        List<Task> keepers = new ArrayList<>();
        List<Task> replaceable = new ArrayList<>();
        for (Task t : remaining) {
            boolean keeper = primary.id().equals(t.startedBy()) && !tasks.onDrainingInstance(t)
                    && !tasks.failsHealthChecks(t);
            (keeper ? keepers : replaceable).add(t);
        }
        int healthy = (int) remaining.stream().filter(tasks::isHealthy).count();
        boolean failed = Deployment.FAILED.equals(primary.rolloutState());

        int launched = 0;
        boolean blocked = failed;
        int wanted = Math.max(0, Math.min(desired - keepers.size(), bounds.maximumTasks() - remaining.size()));
        if (!failed && wanted > 0) {
            if (StartThrottle.holds(tasks, primary, now)) {
                draft.message(ServiceMessages.unableToConsistentlyStart(service));
                blocked = true;
            } else {
                launched = launch(state, tasks, draft, primary, wanted, generation);
                blocked = launched < wanted;
            }
        }

        int stoppedHere = 0;
        boolean unhealthyStopped = false;
        for (Task t : VictimSelection.order(state, replaceable, remaining, service.placementStrategy(),
                tasks::isHealthy)) {
            boolean old = !primary.id().equals(t.startedBy());
            if (failed && old) {
                continue;
            }
            if (tasks.failsHealthChecks(t)) {
                boolean noRoom = remaining.size() + launched >= bounds.maximumTasks();
                if (healthy >= desired || (noRoom && !unhealthyStopped)) {
                    draft.stop(t, ServiceTasks.HEALTH_CHECK_FAILED);
                    unhealthyStopped = true;
                    stoppedHere++;
                }
            } else if (!ServiceTasks.isRunning(t) || (!tasks.isHealthy(t) && healthy >= bounds.minimumHealthy())) {
                // Not yet RUNNING: it serves nobody. RUNNING but not yet counted healthy: it may be
                // about to serve, so it goes only once the healthy ones alone meet the floor.
                draft.stop(t, scalingActivity(primary.id()));
                stoppedHere++;
            } else if (tasks.isHealthy(t) && healthy - 1 >= bounds.minimumHealthy()) {
                draft.stop(t, scalingActivity(primary.id()));
                healthy--;
                stoppedHere++;
            }
        }

        if (replaceable.isEmpty() && keepers.size() > desired) {
            List<Task> victims = VictimSelection.order(state, keepers, remaining, service.placementStrategy(),
                    tasks::isHealthy);
            for (Task t : victims.subList(0, keepers.size() - desired)) {
                draft.stop(t, scalingActivity(primary.id()));
            }
        }
        boolean allHealthy = remaining.stream().allMatch(tasks::isHealthy);
        if (!replaceable.isEmpty() && launched == 0 && stoppedHere == 0 && !blocked && allHealthy) {
            // Nothing can start, nothing can stop, and no task is on its way to healthy: stuck.
            draft.message(ServiceMessages.unableToStopOrStart(service));
        }
        DeploymentBookkeeping.settle(tasks, draft, allHealthy);
    }

    /** Places up to {@code count} tasks of the deployment; says why when some cannot be placed. */
    static int launch(ClusterState state, ServiceTasks tasks, PlanDraft draft, Deployment deployment, int count,
            long generation) {
        Optional<TaskDefinition> definition = tasks.definition(deployment.taskDefinition());
        if (definition.isEmpty()) {
            return 0;
        }
        PlacementOutcome outcome = ServicePlacement.place(state,
                ServicePlacement.shape(draft.service(), definition.get()), count, generation);
        outcome.placedOn().forEach(arn -> draft.launch(deployment.id(), arn));
        if (!outcome.failures().isEmpty()) {
            draft.message(ServiceMessages.unableToPlace(draft.service(), outcome.failures().get(0)));
        }
        return outcome.placedOn().size();
    }

    static RollingBounds bounds(Service service) {
        DeploymentConfiguration c = service.deploymentConfiguration();
        boolean daemon = ServiceValidation.DAEMON.equals(service.schedulingStrategy());
        int min = c == null || c.minimumHealthyPercent() == null ? (daemon ? 0 : 100) : c.minimumHealthyPercent();
        int max = c == null || c.maximumPercent() == null ? (daemon ? 100 : 200) : c.maximumPercent();
        return RollingBounds.of(service.desiredCount(), min, max);
    }

    static String scalingActivity(String deploymentId) {
        return "Scaling activity initiated by (deployment " + deploymentId + ")";
    }
}
