package io.berth.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An ECS service as DescribeServices returns it (ecs-semantics §3.3), without its {@code events[]}
 * window, which is kept and returned separately.
 */
public record Service(
        String serviceArn,
        String serviceName,
        String clusterArn,
        JsonNode loadBalancers,
        JsonNode serviceRegistries,
        String status,
        int desiredCount,
        int runningCount,
        int pendingCount,
        String launchType,
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        String platformVersion,
        String platformFamily,
        String taskDefinition,
        DeploymentConfiguration deploymentConfiguration,
        JsonNode taskSets,
        List<Deployment> deployments,
        String roleArn,
        List<ServiceEvent> events,
        Instant createdAt,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        NetworkConfiguration networkConfiguration,
        Integer healthCheckGracePeriodSeconds,
        String schedulingStrategy,
        DeploymentController deploymentController,
        List<Tag> tags,
        String createdBy,
        Boolean enableECSManagedTags,
        String propagateTags,
        Boolean enableExecuteCommand,
        String availabilityZoneRebalancing) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DRAINING = "DRAINING";
    public static final String INACTIVE = "INACTIVE";

    /** Derived, not an ECS member: ignored so that JSON does not grow an {@code "active"} field. */
    @JsonIgnore
    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public Service withTags(List<Tag> newTags) {
        return with("tags", newTags == null || newTags.isEmpty() ? null : newTags);
    }

    public Service withStatus(String newStatus) {
        return with("status", newStatus);
    }

    public Service withDeployments(List<Deployment> newDeployments) {
        return with("deployments", newDeployments);
    }

    public Service withEvents(List<ServiceEvent> newEvents) {
        return with("events", newEvents);
    }

    /** A copy with one member replaced (null removes it). */
    public Service with(String member, Object value) {
        java.util.Map<String, Object> change = new java.util.HashMap<>();
        change.put(member, value);
        return io.berth.core.json.Json.with(this, change);
    }

    public Deployment primaryDeployment() {
        return deployments.stream().filter(Deployment::isPrimary).findFirst().orElse(null);
    }
}
