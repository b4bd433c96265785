package io.berth.core.cluster;

import io.berth.core.model.Failure;
import io.berth.core.model.Service;
import io.berth.core.placement.PlacementFailureReasons;
import java.util.List;
import java.util.stream.Collectors;

/** Service event messages in ECS's words (ecs-semantics §5.5). */
final class ServiceMessages {

    private ServiceMessages() {
    }

    static String started(Service service, List<String> taskIds) {
        return prefix(service) + " has started " + taskIds.size() + " tasks: " + tasks(taskIds) + ".";
    }

    static String stopped(Service service, List<String> taskIds) {
        return prefix(service) + " has stopped " + taskIds.size() + " running tasks: " + tasks(taskIds) + ".";
    }

    static String steadyState(Service service) {
        return prefix(service) + " has reached a steady state.";
    }

    static String deploymentCompleted(Service service, String deploymentId) {
        return prefix(service) + " (deployment " + deploymentId + ") deployment completed.";
    }

    static String deploymentFailed(Service service, String deploymentId) {
        return prefix(service) + " (deployment " + deploymentId + ") deployment failed: tasks failed to start.";
    }

    static String rollingBack(Service service, String failedId, String targetId) {
        return prefix(service) + " (deployment " + failedId + ") deployment failed, rolling back to deployment "
                + targetId + ".";
    }

    static String unableToConsistentlyStart(Service service) {
        return prefix(service) + " is unable to consistently start tasks successfully.";
    }

    static String unableToStopOrStart(Service service) {
        return prefix(service) + " was unable to stop or start tasks during a deployment because of the service "
                + "deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.";
    }

    /** Why a task could not be placed, from the placement failure of the closest instance. */
    static String unableToPlace(Service service, Failure failure) {
        String start = prefix(service) + " was unable to place a task because no container instance met all of its "
                + "requirements.";
        String reason = failure.reason();
        if (failure.arn() == null) {
            return start + " Reason: " + reason;
        }
        String closest = " The closest matching (container-instance " + failure.arn().substring(
                failure.arn().lastIndexOf('/') + 1) + ")";
        return start + closest + switch (reason) {
            case PlacementFailureReasons.RESOURCE_CPU -> " has insufficient CPU units available.";
            case PlacementFailureReasons.RESOURCE_MEMORY -> " has insufficient memory available.";
            case PlacementFailureReasons.RESOURCE_PORTS, PlacementFailureReasons.RESOURCE_PORTS_UDP ->
                    " is already using a port required by your task.";
            case PlacementFailureReasons.AGENT -> " encountered error \"AGENT\".";
            default -> " did not satisfy: " + reason;
        };
    }

    private static String prefix(Service service) {
        return "(service " + service.serviceName() + ")";
    }

    private static String tasks(List<String> taskIds) {
        return taskIds.stream().map(id -> "(task " + id + ")").collect(Collectors.joining(" "));
    }
}
