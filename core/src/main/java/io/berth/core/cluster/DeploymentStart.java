package io.berth.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.decide.DecisionContext;
import io.berth.core.model.CapacityProviderStrategyItem;
import io.berth.core.model.Deployment;
import io.berth.core.model.NetworkConfiguration;
import java.util.List;

/** A new PRIMARY deployment, IN_PROGRESS from its first moment (ecs-semantics §3.4, §5.2). */
final class DeploymentStart {

    private DeploymentStart() {
    }

    static Deployment primary(DecisionContext ctx, String taskDefinitionArn, int desiredCount,
            List<CapacityProviderStrategyItem> capacityProviderStrategy, String launchType, String platformVersion,
            NetworkConfiguration networkConfiguration, JsonNode serviceConnectConfiguration,
            JsonNode volumeConfigurations, JsonNode vpcLatticeConfigurations) {
        String id = ctx.ids().deploymentId();
        return new Deployment(id, Deployment.PRIMARY, taskDefinitionArn, desiredCount, 0, 0, 0, ctx.now(), ctx.now(),
                capacityProviderStrategy, launchType, platformVersion, null, networkConfiguration,
                Deployment.IN_PROGRESS, "ECS deployment " + id + " in progress.", serviceConnectConfiguration, null,
                volumeConfigurations, null, vpcLatticeConfigurations);
    }
}
