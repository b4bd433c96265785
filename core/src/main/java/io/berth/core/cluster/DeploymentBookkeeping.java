package io.berth.core.cluster;

import io.berth.core.model.Deployment;
import io.berth.core.model.DeploymentCircuitBreaker;
import io.berth.core.model.Service;
import io.berth.core.model.Task;
import io.berth.core.scheduling.CircuitBreakerThreshold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's deployments as its tasks make them (ecs-semantics §3.4, §4.4 steps 5-6, §5.3): the
 * circuit breaker's count and trip with its rollback, then — once the plan's launches and stops
 * are known — the running and pending counts, older deployments without tasks dropped, and the
 * PRIMARY deployment COMPLETED when it runs its count healthy and alone.
 */
final class DeploymentBookkeeping {

    static final String BREAKER = "ECS deployment circuit breaker";
    static final String BREAKER_FAILED = BREAKER + ": tasks failed to start.";

    private DeploymentBookkeeping() {
    }

    /**
     * Counts each deployment's failed tasks and trips the PRIMARY deployment's breaker at its
     * threshold: FAILED, and with rollback on, the most recent COMPLETED deployment PRIMARY again
     * (IN_PROGRESS, keeping the tasks it still has). Without a COMPLETED deployment to go back
     * to, the deployment ends FAILED rather than trying forever.
     */
    static void circuitBreaker(ClusterState state, ServiceTasks tasks, PlanDraft draft) {
        Service service = draft.service();
        DeploymentCircuitBreaker breaker = service.deploymentConfiguration() == null ? null
                : service.deploymentConfiguration().deploymentCircuitBreaker();
        boolean reset = breaker == null || !Boolean.FALSE.equals(breaker.resetOnHealthyTask());
        List<Deployment> counted = new ArrayList<>();
        for (Deployment d : service.deployments()) {
            counted.add(withFailed(d, failedTasks(tasks, d, reset)));
        }
        service = service.withDeployments(counted);
        Deployment primary = service.primaryDeployment();
        boolean enabled = breaker != null && Boolean.TRUE.equals(breaker.enable());
        if (!enabled || primary == null || !Deployment.IN_PROGRESS.equals(primary.rolloutState())
                || primary.failedTasks() < CircuitBreakerThreshold.of(service.desiredCount(),
                        breaker.thresholdConfiguration())) {
            draft.service(service);
            return;
        }
        Optional<Deployment> target = Boolean.TRUE.equals(breaker.rollback())
                ? rollbackTarget(state, service) : Optional.empty();
        draft.service(fail(service, BREAKER_FAILED, BREAKER, target));
        draft.message(target.isPresent() ? ServiceMessages.rollingBack(service, primary.id(), target.get().id())
                : ServiceMessages.deploymentFailed(service, primary.id()));
    }

    /** The most recent COMPLETED deployment, unless it is the PRIMARY one itself. */
    static Optional<Deployment> rollbackTarget(ClusterState state, Service service) {
        Deployment primary = service.primaryDeployment();
        return state.lastCompletedDeployment(service.serviceName())
                .filter(d -> primary == null || !d.id().equals(primary.id()));
    }

    /**
     * The service with its PRIMARY deployment FAILED for {@code reason}; with a target, that
     * deployment is PRIMARY again (IN_PROGRESS, its tasks kept, re-listed if it had left, its
     * reason "{@code <cause>}: rolling back to deploymentId ...") and the failed one an ACTIVE
     * deployment whose tasks will be replaced.
     */
    static Service fail(Service service, String reason, String cause, Optional<Deployment> target) {
        List<Deployment> next = new ArrayList<>();
        if (target.isEmpty()) {
            for (Deployment d : service.deployments()) {
                next.add(d.isPrimary() ? d.withRollout(Deployment.FAILED, reason, d.updatedAt()) : d);
            }
            return service.withDeployments(next);
        }
        Deployment back = target.get();
        String rollback = cause + ": rolling back to deploymentId " + back.id() + ".";
        boolean stillListed = false;
        for (Deployment d : service.deployments()) {
            if (d.id().equals(back.id())) {
                stillListed = true;
                next.add(promote(d, service.desiredCount(), rollback));
            } else if (d.isPrimary()) {
                next.add(d.withStatus(Deployment.ACTIVE, d.updatedAt())
                        .withRollout(Deployment.FAILED, reason, d.updatedAt()));
            } else {
                next.add(d);
            }
        }
        if (!stillListed) {
            next.add(promote(withFailed(back, 0).withCounts(0, 0), service.desiredCount(), rollback));
        }
        // ECS lists the PRIMARY deployment first.
        next.sort(Comparator.comparing(d -> !d.isPrimary()));
        return service.withDeployments(next).with("taskDefinition", back.taskDefinition());
    }

    /**
     * Running and pending counts as they will be once the plan is carried out, older deployments
     * with no task left dropped (the plan after the one that failed them), and completion with its two service events; a service that is
     * settled again after a disturbance says once more that it reached a steady state.
     */
    static void settle(ServiceTasks tasks, PlanDraft draft, boolean allHealthy) {
        Service service = draft.service();
        List<Deployment> next = new ArrayList<>();
        int running = 0;
        int pending = 0;
        for (Deployment d : service.deployments()) {
            int r = 0;
            int p = draft.launchesOf(d.id());
            for (Task t : tasks.liveOf(d.id())) {
                if (draft.stopping(t)) {
                    continue;
                }
                if (ServiceTasks.isRunning(t)) {
                    r++;
                } else {
                    p++;
                }
            }
            if (!d.isPrimary() && r + p == 0 && !endedHere(draft, d)) {
                continue;
            }
            running += r;
            pending += p;
            next.add(d.withCounts(p, r));
        }
        Deployment primary = next.stream().filter(Deployment::isPrimary).findFirst().orElse(null);
        boolean settled = primary != null && next.size() == 1 && !draft.hasActions()
                && primary.runningCount() == service.desiredCount() && primary.pendingCount() == 0 && allHealthy;
        if (settled && Deployment.IN_PROGRESS.equals(primary.rolloutState())) {
            next = List.of(primary.withRollout(Deployment.COMPLETED, "ECS deployment " + primary.id() + " completed.",
                    primary.updatedAt()));
            draft.message(ServiceMessages.deploymentCompleted(service, primary.id()));
            draft.message(ServiceMessages.steadyState(service));
        } else if (settled && Deployment.COMPLETED.equals(primary.rolloutState())) {
            draft.message(ServiceMessages.steadyState(service));
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("deployments", next);
        changes.put("runningCount", running);
        changes.put("pendingCount", pending);
        draft.service(io.berth.core.json.Json.with(service, changes));
    }

    /**
     * Failures in the order they happened; with {@code resetOnHealthyTask} a task that counted
     * healthy starts the count again (consecutive failures), else every failure counts.
     */
    static int failedTasks(ServiceTasks tasks, Deployment deployment, boolean resetOnHealthy) {
        record Outcome(Instant at, boolean failed) {
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Task t : tasks.of(deployment.id())) {
            if (tasks.failed(t)) {
                outcomes.add(new Outcome(ServiceTasks.failedAt(t), true));
            } else if (tasks.isHealthy(t) || (!ServiceTasks.isLive(t) && tasks.healthyFrom(t).isPresent())) {
                tasks.healthyFrom(t).ifPresent(at -> outcomes.add(new Outcome(at, false)));
            }
        }
        outcomes.sort(Comparator.comparing(Outcome::at));
        int failed = 0;
        for (Outcome o : outcomes) {
            if (o.failed()) {
                failed++;
            } else if (resetOnHealthy) {
                failed = 0;
            }
        }
        return failed;
    }

    /** A deployment that failed in this very plan stays listed once, so that its FAILED state is seen. */
    private static boolean endedHere(PlanDraft draft, Deployment d) {
        return draft.original().deployments().stream().filter(o -> o.id().equals(d.id()))
                .noneMatch(o -> java.util.Objects.equals(o.rolloutState(), d.rolloutState()));
    }

    private static Deployment promote(Deployment d, int desiredCount, String reason) {
        return d.withStatus(Deployment.PRIMARY, d.updatedAt()).withDesiredCount(desiredCount, d.updatedAt())
                .withRollout(Deployment.IN_PROGRESS, reason, d.updatedAt());
    }

    private static Deployment withFailed(Deployment d, int failed) {
        return io.berth.core.json.Json.with(d, Map.of("failedTasks", failed));
    }
}
