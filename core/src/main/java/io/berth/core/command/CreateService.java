package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.CapacityProviderStrategyItem;
import io.berth.core.model.DeploymentConfiguration;
import io.berth.core.model.DeploymentController;
import io.berth.core.model.NetworkConfiguration;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.PlacementStrategy;
import io.berth.core.model.Tag;
import java.util.List;

/** ECS CreateService. */
public record CreateService(
        String cluster,
        String serviceName,
        String taskDefinition,
        String availabilityZoneRebalancing,
        JsonNode loadBalancers,
        JsonNode serviceRegistries,
        Integer desiredCount,
        String clientToken,
        String launchType,
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        String platformVersion,
        String role,
        DeploymentConfiguration deploymentConfiguration,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        NetworkConfiguration networkConfiguration,
        Integer healthCheckGracePeriodSeconds,
        String schedulingStrategy,
        DeploymentController deploymentController,
        List<Tag> tags,
        Boolean enableECSManagedTags,
        String propagateTags,
        Boolean enableExecuteCommand,
        JsonNode serviceConnectConfiguration,
        JsonNode volumeConfigurations,
        JsonNode vpcLatticeConfigurations) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
