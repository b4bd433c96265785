package io.berth.core.scheduling;

import io.berth.core.model.Service;
import java.util.List;

/**
 * What the scheduler asks of a service at one generation of its cluster: tasks to launch (each
 * on a chosen instance), tasks to stop, the service's new bookkeeping (deployments, counts,
 * rollout states; null when unchanged) and service event messages. Empty when nothing is to be
 * done. Carries no time and no random ids, so the same view always gives the same plan.
 *
 * <p>{@code generation} is the service's generation the plan was made at (every change of the
 * service, its tasks or any instance); {@code structuralGeneration} the same without its tasks'
 * mere progress toward RUNNING, which lets a plan that only launches apply after such progress
 * (see {@code ClusterState#structuralGeneration}).
 */
public record ServicePlan(String service, long generation, long structuralGeneration, List<Launch> launches,
        List<Stop> stops, Service updated, List<String> messages) {

    /** One task of {@code deploymentId} to start on {@code containerInstanceArn}. */
    public record Launch(String deploymentId, String containerInstanceArn) {
    }

    /** One task to stop, with the {@code stoppedReason} it gets. */
    public record Stop(String taskArn, String reason) {
    }

    public ServicePlan {
        launches = launches == null ? List.of() : List.copyOf(launches);
        stops = stops == null ? List.of() : List.copyOf(stops);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public boolean isEmpty() {
        return launches.isEmpty() && stops.isEmpty() && updated == null && messages.isEmpty();
    }
}
