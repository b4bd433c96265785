package io.berth.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** One entry of {@code service.deployments[]} (ecs-semantics §3.4). */
public record Deployment(
        String id,
        String status,
        String taskDefinition,
        int desiredCount,
        int pendingCount,
        int runningCount,
        int failedTasks,
        Instant createdAt,
        Instant updatedAt,
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        String launchType,
        String platformVersion,
        String platformFamily,
        NetworkConfiguration networkConfiguration,
        String rolloutState,
        String rolloutStateReason,
        JsonNode serviceConnectConfiguration,
        JsonNode serviceConnectResources,
        JsonNode volumeConfigurations,
        JsonNode fargateEphemeralStorage,
        JsonNode vpcLatticeConfigurations) {

    public static final String PRIMARY = "PRIMARY";
    public static final String ACTIVE = "ACTIVE";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    /** Derived, not an ECS member: ignored so that JSON does not grow an {@code "primary"} field. */
    @JsonIgnore
    public boolean isPrimary() {
        return PRIMARY.equals(status);
    }

    public Deployment withStatus(String newStatus, Instant at) {
        return new Deployment(id, newStatus, taskDefinition, desiredCount, pendingCount, runningCount, failedTasks,
                createdAt, at, capacityProviderStrategy, launchType, platformVersion, platformFamily,
                networkConfiguration, rolloutState, rolloutStateReason, serviceConnectConfiguration,
                serviceConnectResources, volumeConfigurations, fargateEphemeralStorage, vpcLatticeConfigurations);
    }

    public Deployment withDesiredCount(int count, Instant at) {
        return new Deployment(id, status, taskDefinition, count, pendingCount, runningCount, failedTasks,
                createdAt, at, capacityProviderStrategy, launchType, platformVersion, platformFamily,
                networkConfiguration, rolloutState, rolloutStateReason, serviceConnectConfiguration,
                serviceConnectResources, volumeConfigurations, fargateEphemeralStorage, vpcLatticeConfigurations);
    }

    public Deployment withUpdatedAt(Instant at) {
        return withStatus(status, at);
    }

    public Deployment withCounts(int pending, int running) {
        return new Deployment(id, status, taskDefinition, desiredCount, pending, running, failedTasks,
                createdAt, updatedAt, capacityProviderStrategy, launchType, platformVersion, platformFamily,
                networkConfiguration, rolloutState, rolloutStateReason, serviceConnectConfiguration,
                serviceConnectResources, volumeConfigurations, fargateEphemeralStorage, vpcLatticeConfigurations);
    }

    public Deployment withRollout(String state, String reason, Instant at) {
        return new Deployment(id, status, taskDefinition, desiredCount, pendingCount, runningCount, failedTasks,
                createdAt, at, capacityProviderStrategy, launchType, platformVersion, platformFamily,
                networkConfiguration, state, reason, serviceConnectConfiguration,
                serviceConnectResources, volumeConfigurations, fargateEphemeralStorage, vpcLatticeConfigurations);
    }
}
