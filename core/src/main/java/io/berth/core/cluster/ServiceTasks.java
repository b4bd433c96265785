package io.berth.core.cluster;

import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.decide.TaskDefinitionLookup;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Service;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's tasks as the scheduler sees them at one moment (ecs-semantics §4.4, §4.5): which
 * are live (desired RUNNING), which count as healthy, which fail their health checks, which sit
 * on an instance that is draining or has lost its agent.
 */
final class ServiceTasks {

    /** Without container health checks (and without a load balancer) a task counts healthy this long after RUNNING. */
    static final Duration HEALTHY_WITHOUT_CHECKS = Duration.ofSeconds(40);
    static final String HEALTH_CHECK_FAILED = "Task failed container health checks";

    private final ClusterState state;
    private final Service service;
    private final TaskDefinitionLookup definitions;
    private final Instant now;
    private final List<Task> all;
    /** Per task definition ARN, whether an essential container has a health check: asked for every task. */
    private final Map<String, Boolean> healthChecked = new HashMap<>();

    private ServiceTasks(ClusterState state, Service service, TaskDefinitionLookup definitions, Instant now) {
        this.state = state;
        this.service = service;
        this.definitions = definitions;
        this.now = now;
        String group = ClusterState.SERVICE_GROUP_PREFIX + service.serviceName();
        this.all = state.tasks().stream().filter(t -> group.equals(t.group())).toList();
    }

    static ServiceTasks of(ClusterState state, Service service, TaskDefinitionLookup definitions, Instant now) {
        return new ServiceTasks(state, service, definitions, now);
    }

    /** Every task of the service not yet expired, stopped ones included. */
    List<Task> all() {
        return all;
    }

    List<Task> live() {
        return all.stream().filter(ServiceTasks::isLive).toList();
    }

    List<Task> liveOf(String deploymentId) {
        return all.stream().filter(t -> isLive(t) && deploymentId.equals(t.startedBy())).toList();
    }

    List<Task> of(String deploymentId) {
        return all.stream().filter(t -> deploymentId.equals(t.startedBy())).toList();
    }

    static boolean isLive(Task task) {
        return TaskStatus.RUNNING.equals(task.desiredStatus()) && !task.isStopped();
    }

    static boolean isRunning(Task task) {
        return TaskStatus.RUNNING.equals(task.lastStatus());
    }

    /** Its instance is gone, deregistered or has lost its agent: the task cannot be counted on. */
    boolean isLost(Task task) {
        Optional<ContainerInstance> instance = state.instance(task.containerInstanceArn());
        return instance.isEmpty() || ContainerInstance.INACTIVE.equals(instance.get().status())
                || !instance.get().agentConnected();
    }

    boolean onDrainingInstance(Task task) {
        return state.instance(task.containerInstanceArn())
                .map(i -> ContainerInstance.DRAINING.equals(i.status())).orElse(false);
    }

    /** Counted healthy (§4.5): RUNNING on a connected instance and HEALTHY, or 40 s past RUNNING without checks. */
    boolean isHealthy(Task task) {
        if (!isLive(task) || !isRunning(task) || isLost(task)) {
            return false;
        }
        return healthyFrom(task).map(from -> !now.isBefore(from)).orElse(false);
    }

    /** When the task counted (or will count) healthy, if it can. */
    Optional<Instant> healthyFrom(Task task) {
        if (task.startedAt() == null) {
            return Optional.empty();
        }
        if (hasHealthChecks(task)) {
            return "HEALTHY".equals(task.healthStatus()) ? Optional.of(task.startedAt()) : Optional.empty();
        }
        return Optional.of(task.startedAt().plus(HEALTHY_WITHOUT_CHECKS));
    }

    /** RUNNING, UNHEALTHY by its container health checks, and past the service's grace period. */
    boolean failsHealthChecks(Task task) {
        if (!isLive(task) || !isRunning(task) || !"UNHEALTHY".equals(task.healthStatus())) {
            return false;
        }
        int grace = service.healthCheckGracePeriodSeconds() == null ? 0 : service.healthCheckGracePeriodSeconds();
        return task.startedAt() == null || !now.isBefore(task.startedAt().plusSeconds(grace));
    }

    /**
     * Whether the task counts against its deployment's circuit breaker (§5.3): it failed to start,
     * its essential container exited before it ever counted healthy, or it failed its health checks.
     */
    boolean failed(Task task) {
        if (!TaskStatus.STOPPED.equals(task.desiredStatus())) {
            return false;
        }
        if (TaskTransitions.TASK_FAILED_TO_START.equals(task.stopCode())
                || HEALTH_CHECK_FAILED.equals(task.stoppedReason())) {
            return true;
        }
        if (!TaskTransitions.ESSENTIAL_CONTAINER_EXITED.equals(task.stopCode())) {
            return false;
        }
        Instant stoppedAt = task.stoppingAt() != null ? task.stoppingAt() : task.stoppedAt();
        Optional<Instant> healthy = healthyFrom(task);
        return healthy.isEmpty() || stoppedAt == null || stoppedAt.isBefore(healthy.get());
    }

    /** When a failed task failed: when it began stopping. */
    static Instant failedAt(Task task) {
        return task.stoppingAt() != null ? task.stoppingAt() : task.stoppedAt() != null ? task.stoppedAt()
                : task.createdAt();
    }

    boolean hasHealthChecks(Task task) {
        return healthChecked.computeIfAbsent(task.taskDefinitionArn(),
                arn -> definition(arn).map(ServiceTasks::hasEssentialHealthCheck).orElse(false));
    }

    Optional<TaskDefinition> definition(String taskDefinitionArn) {
        return definitions.find(state.boundary().scope(),
                TaskDefinitionRef.parse(state.boundary().scope(), taskDefinitionArn));
    }

    static boolean hasEssentialHealthCheck(TaskDefinition definition) {
        for (ContainerDefinition c : definition.containerDefinitions()) {
            if (c.isEssential() && c.healthCheck() != null) {
                return true;
            }
        }
        return false;
    }
}
