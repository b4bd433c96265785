package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.RuntimePlatform;
import io.berth.core.model.Tag;
import io.berth.core.model.Volume;
import java.util.List;

/** ECS RegisterTaskDefinition: a new revision of a family, numbered after every revision ever registered. */
public record RegisterTaskDefinition(
        String family,
        String taskRoleArn,
        String executionRoleArn,
        String networkMode,
        List<ContainerDefinition> containerDefinitions,
        List<Volume> volumes,
        List<PlacementConstraint> placementConstraints,
        List<String> requiresCompatibilities,
        String cpu,
        String memory,
        List<Tag> tags,
        String pidMode,
        String ipcMode,
        JsonNode proxyConfiguration,
        JsonNode inferenceAccelerators,
        JsonNode ephemeralStorage,
        RuntimePlatform runtimePlatform,
        Boolean enableFaultInjection) implements AccountCommand {
}
