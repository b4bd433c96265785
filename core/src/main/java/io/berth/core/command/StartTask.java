package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.NetworkConfiguration;
import io.berth.core.model.Tag;
import io.berth.core.model.TaskOverride;
import java.util.List;

/** ECS StartTask: one task on each named container instance (at most 10), no placement. */
public record StartTask(
        String cluster,
        List<String> containerInstances,
        Boolean enableECSManagedTags,
        Boolean enableExecuteCommand,
        String group,
        NetworkConfiguration networkConfiguration,
        TaskOverride overrides,
        String propagateTags,
        String referenceId,
        String startedBy,
        List<Tag> tags,
        String taskDefinition,
        JsonNode volumeConfigurations) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
