package io.berth.projection.support;

import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.core.model.Task;
import io.berth.core.model.TaskStatus;
import java.time.Duration;

/**
 * Drives a service's PRIMARY deployment to its end as the scheduler and the agents would: the
 * planner's plan is applied, and the tasks it launched are reported RUNNING (the deployment
 * completes) or STOPPED before they ran (its circuit breaker counts them and trips).
 */
public final class Rollouts {

    private static final int MOST_ROUNDS = 12;
    /** Between rounds: tasks without health checks count healthy 40 s after they started. */
    private static final Duration ROUND = Duration.ofSeconds(20);

    private Rollouts() {
    }

    /** Until the PRIMARY deployment is COMPLETED. */
    public static Scenario complete(Scenario s, String cluster, String service) {
        return drive(s, cluster, service, TaskStatus.RUNNING, Deployment.COMPLETED);
    }

    /** Until the deployment PRIMARY now has FAILED: its tasks stop before they run. */
    public static Scenario failToStart(Scenario s, String cluster, String service) {
        return drive(s, cluster, service, TaskStatus.STOPPED, Deployment.FAILED);
    }

    private static Scenario drive(Scenario s, String cluster, String service, String report, String rolloutState) {
        String deploymentId = s.service(cluster, service).primaryDeployment().id();
        for (int round = 0; round < MOST_ROUNDS; round++) {
            if (rolloutState.equals(rolloutState(s.service(cluster, service), deploymentId))) {
                return s;
            }
            s.settle(cluster, service);
            for (String arn : s.taskArns(cluster)) {
                Task task = s.task(cluster, arn);
                if (("service:" + service).equals(task.group()) && TaskStatus.RUNNING.equals(task.desiredStatus())
                        && !TaskStatus.RUNNING.equals(task.lastStatus())) {
                    s.report(cluster, arn, report);
                }
            }
            s.advance(ROUND);
        }
        throw new IllegalStateException("deployment " + deploymentId + " of " + service + " did not reach "
                + rolloutState + ": " + s.service(cluster, service).deployments());
    }

    private static String rolloutState(Service service, String deploymentId) {
        return service.deployments().stream().filter(d -> d.id().equals(deploymentId)).findFirst()
                .map(Deployment::rolloutState).orElse(null);
    }
}
