package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.ContainerStateChange;
import java.time.Instant;
import java.util.List;

/**
 * ECS SubmitTaskStateChange: the agent reports a task's (and its containers') state. Reports that
 * would move a task backwards are stale and change nothing.
 */
public record SubmitTaskStateChange(String cluster, String task, String status, String reason,
        List<ContainerStateChange> containers, JsonNode attachments, Instant pullStartedAt, Instant pullStoppedAt,
        Instant executionStoppedAt) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
