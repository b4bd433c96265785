package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.CapacityProviderStrategyItem;
import io.berth.core.model.DeploymentConfiguration;
import io.berth.core.model.DeploymentController;
import io.berth.core.model.NetworkConfiguration;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.PlacementStrategy;
import java.util.List;

/** ECS UpdateService: fields given replace the service's; task-shape changes start a deployment. */
public record UpdateService(
        String cluster,
        String service,
        Integer desiredCount,
        String taskDefinition,
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        DeploymentConfiguration deploymentConfiguration,
        String availabilityZoneRebalancing,
        NetworkConfiguration networkConfiguration,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        String platformVersion,
        Boolean forceNewDeployment,
        Integer healthCheckGracePeriodSeconds,
        DeploymentController deploymentController,
        Boolean enableExecuteCommand,
        Boolean enableECSManagedTags,
        JsonNode loadBalancers,
        String propagateTags,
        JsonNode serviceRegistries,
        JsonNode serviceConnectConfiguration,
        JsonNode volumeConfigurations,
        JsonNode vpcLatticeConfigurations) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
