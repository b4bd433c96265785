package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.CapacityProviderStrategyItem;
import io.berth.core.model.NetworkConfiguration;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.PlacementStrategy;
import io.berth.core.model.Tag;
import io.berth.core.model.TaskOverride;
import java.util.List;

/** ECS RunTask: place and start up to 10 tasks; what cannot be placed is a {@code failures[]} entry. */
public record RunTask(
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        String cluster,
        Integer count,
        Boolean enableECSManagedTags,
        Boolean enableExecuteCommand,
        String group,
        String launchType,
        NetworkConfiguration networkConfiguration,
        TaskOverride overrides,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        String platformVersion,
        String propagateTags,
        String referenceId,
        String startedBy,
        List<Tag> tags,
        String taskDefinition,
        String clientToken,
        JsonNode volumeConfigurations) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
