package io.berth.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A task as DescribeTasks shows it (ecs-semantics §3.6). {@code version} counts its changes;
 * every change is one event carrying the whole task, like ECS's "Task State Change" events.
 */
public record Task(
        List<TaskAttachment> attachments,
        List<Attribute> attributes,
        String availabilityZone,
        String capacityProviderName,
        String clusterArn,
        String connectivity,
        Instant connectivityAt,
        String containerInstanceArn,
        List<Container> containers,
        String cpu,
        Instant createdAt,
        String desiredStatus,
        Boolean enableExecuteCommand,
        Instant executionStoppedAt,
        String group,
        String healthStatus,
        String lastStatus,
        String launchType,
        String memory,
        TaskOverride overrides,
        String platformVersion,
        String platformFamily,
        Instant pullStartedAt,
        Instant pullStoppedAt,
        Instant startedAt,
        String startedBy,
        String stopCode,
        Instant stoppedAt,
        String stoppedReason,
        Instant stoppingAt,
        List<Tag> tags,
        String taskArn,
        String taskDefinitionArn,
        long version,
        JsonNode ephemeralStorage) {

    @JsonIgnore
    public boolean isStopped() {
        return TaskStatus.STOPPED.equals(lastStatus);
    }

    @JsonIgnore
    public String id() {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}
