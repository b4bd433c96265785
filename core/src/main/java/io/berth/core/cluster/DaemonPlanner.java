package io.berth.core.cluster;

import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.core.placement.TaskShape;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DAEMON service (ecs-semantics §4.7): one task on every ACTIVE instance with a connected agent
 * that meets the service's constraints — its desired count is the number of such instances. A
 * task on an instance that drains, loses its agent or stops matching stops; a new instance gets a
 * task. A new deployment replaces instance by instance, stop first (minimum 0 %, maximum 100 %).
 */
final class DaemonPlanner {

    private DaemonPlanner() {
    }

    static void plan(ClusterState state, ServiceTasks tasks, PlanDraft draft, long generation, Instant now) {
        DeploymentBookkeeping.circuitBreaker(state, tasks, draft);
        Service service = draft.service();
        Deployment primary = service.primaryDeployment();
        Optional<TaskDefinition> definition = tasks.definition(primary.taskDefinition());
        if (definition.isEmpty()) {
            return;
        }
        TaskShape shape = ServicePlacement.shape(service, definition.get());
        List<ContainerInstance> eligible = new ArrayList<>();
        for (ContainerInstance instance : state.instances()) {
            if (instance.isActive() && instance.agentConnected() && matches(state, shape, instance, generation)) {
                eligible.add(instance);
            }
        }
        int desired = eligible.size();
        if (desired != service.desiredCount()) {
            List<Deployment> deployments = service.deployments().stream()
                    .map(d -> d.isPrimary() ? d.withDesiredCount(desired, d.updatedAt()) : d).toList();
            service = io.berth.core.json.Json.with(service, Map.of("desiredCount", desired, "deployments", deployments));
            draft.service(service);
        }

        Map<String, List<Task>> liveByInstance = new HashMap<>();
        for (Task t : tasks.live()) {
            liveByInstance.computeIfAbsent(t.containerInstanceArn(), k -> new ArrayList<>()).add(t);
        }
        List<String> eligibleArns = eligible.stream().map(ContainerInstance::containerInstanceArn).toList();
        liveByInstance.forEach((arn, onInstance) -> {
            if (!eligibleArns.contains(arn)) {
                onInstance.forEach(t -> draft.stop(t, tasks.isLost(t) ? ServicePlanner.AGENT_LOST
                        : ServicePlanner.scalingActivity(primary.id())));
                return;
            }
            boolean keptOne = false;
            for (Task t : onInstance) {
                if (!primary.id().equals(t.startedBy()) || keptOne || tasks.failsHealthChecks(t)) {
                    draft.stop(t, tasks.failsHealthChecks(t) ? ServiceTasks.HEALTH_CHECK_FAILED
                            : ServicePlanner.scalingActivity(primary.id()));
                } else {
                    keptOne = true;
                }
            }
        });

        boolean failed = Deployment.FAILED.equals(primary.rolloutState());
        List<String> empty = eligibleArns.stream().filter(arn -> !liveByInstance.containsKey(arn)).toList();
        if (!failed && !empty.isEmpty()) {
            if (StartThrottle.holds(tasks, primary, now)) {
                draft.message(ServiceMessages.unableToConsistentlyStart(service));
            } else {
                for (String arn : empty) {
                    ContainerInstance instance = state.instance(arn).orElseThrow();
                    if (ServicePlacement.fits(state, shape, instance, 1, generation)) {
                        draft.launch(primary.id(), arn);
                    }
                }
            }
        }
        boolean allHealthy = tasks.live().stream().allMatch(tasks::isHealthy);
        DeploymentBookkeeping.settle(tasks, draft, allHealthy);
    }

    /** The instance meets the service's constraints (resources aside: a daemon task is placed first). */
    private static boolean matches(ClusterState state, TaskShape shape, ContainerInstance instance, long generation) {
        TaskShape unsized = new TaskShape(0, 0, null, null, shape.group(), shape.constraints().stream()
                .filter(c -> "memberOf".equals(c.type())).toList(), List.of());
        return ServicePlacement.fits(state, unsized, instance, 1, generation);
    }
}
