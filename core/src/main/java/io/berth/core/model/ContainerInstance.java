package io.berth.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A container instance (ecs-semantics §3.7): a host running the Berth agent. Remaining resources
 * and task counts follow from the tasks placed on it and are filled in by readers, like a
 * cluster's counts.
 */
public record ContainerInstance(
        String containerInstanceArn,
        String ec2InstanceId,
        String capacityProviderName,
        long version,
        VersionInfo versionInfo,
        List<Resource> remainingResources,
        List<Resource> registeredResources,
        String status,
        String statusReason,
        boolean agentConnected,
        Integer runningTasksCount,
        Integer pendingTasksCount,
        String agentUpdateStatus,
        List<Attribute> attributes,
        Instant registeredAt,
        JsonNode attachments,
        List<Tag> tags,
        JsonNode healthStatus) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DRAINING = "DRAINING";
    public static final String INACTIVE = "INACTIVE";

    @JsonIgnore
    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The id after the last '/' of the ARN. */
    @JsonIgnore
    public String id() {
        return containerInstanceArn.substring(containerInstanceArn.lastIndexOf('/') + 1);
    }

    /** The registered amount of an INTEGER resource, 0 if absent. */
    public int registered(String resource) {
        return registeredResources.stream().filter(r -> r.name().equals(resource))
                .mapToInt(r -> r.integerValue() == null ? 0 : r.integerValue()).findFirst().orElse(0);
    }

    /** The value of an attribute, or null (also when present without value). */
    public String attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst().orElse(null);
    }
}
