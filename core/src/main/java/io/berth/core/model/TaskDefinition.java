package io.berth.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A registered task definition revision (ecs-semantics §3.2). */
public record TaskDefinition(
        String taskDefinitionArn,
        List<ContainerDefinition> containerDefinitions,
        String family,
        String taskRoleArn,
        String executionRoleArn,
        String networkMode,
        int revision,
        List<Volume> volumes,
        String status,
        List<Attribute> requiresAttributes,
        List<PlacementConstraint> placementConstraints,
        List<String> compatibilities,
        RuntimePlatform runtimePlatform,
        List<String> requiresCompatibilities,
        String cpu,
        String memory,
        JsonNode inferenceAccelerators,
        String pidMode,
        String ipcMode,
        JsonNode proxyConfiguration,
        Instant registeredAt,
        Instant deregisteredAt,
        Instant deleteRequestedAt,
        String registeredBy,
        JsonNode ephemeralStorage,
        Boolean enableFaultInjection) {

    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";
    public static final String DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS";

    /** Derived, not an ECS member: ignored so that JSON does not grow an {@code "active"} field. */
    @JsonIgnore
    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** This (validated) definition as revision {@code number} of its family, ACTIVE from {@code at}. */
    public TaskDefinition registered(String arn, int number, Instant at, String by) {
        return new TaskDefinition(arn, containerDefinitions, family, taskRoleArn, executionRoleArn,
                networkMode, number, volumes, ACTIVE, requiresAttributes, placementConstraints, compatibilities,
                runtimePlatform, requiresCompatibilities, cpu, memory, inferenceAccelerators, pidMode, ipcMode,
                proxyConfiguration, at, null, null, by, ephemeralStorage, enableFaultInjection);
    }

    public TaskDefinition deregistered(Instant at) {
        return new TaskDefinition(taskDefinitionArn, containerDefinitions, family, taskRoleArn, executionRoleArn,
                networkMode, revision, volumes, INACTIVE, requiresAttributes, placementConstraints, compatibilities,
                runtimePlatform, requiresCompatibilities, cpu, memory, inferenceAccelerators, pidMode, ipcMode,
                proxyConfiguration, registeredAt, at, deleteRequestedAt, registeredBy, ephemeralStorage,
                enableFaultInjection);
    }

    public TaskDefinition deleteRequested(Instant at) {
        return new TaskDefinition(taskDefinitionArn, containerDefinitions, family, taskRoleArn, executionRoleArn,
                networkMode, revision, volumes, DELETE_IN_PROGRESS, requiresAttributes, placementConstraints,
                compatibilities, runtimePlatform, requiresCompatibilities, cpu, memory, inferenceAccelerators, pidMode,
                ipcMode, proxyConfiguration, registeredAt, deregisteredAt, at, registeredBy, ephemeralStorage,
                enableFaultInjection);
    }
}
