package io.berth.core.cluster;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.command.CreateService;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.event.ServiceCreated;
import io.berth.core.json.Json;
import io.berth.core.model.Cluster;
import io.berth.core.model.Deployment;
import io.berth.core.model.DeploymentConfiguration;
import io.berth.core.model.DeploymentController;
import io.berth.core.model.Service;
import io.berth.core.model.Tag;
import io.berth.core.model.TaskDefinition;
import io.berth.core.validate.Names;
import io.berth.core.validate.Tags;
import java.util.List;

/** CreateService: validates, resolves the task definition and records the service with its first deployment. */
final class ServiceCreation {

    private ServiceCreation() {
    }

    static Decision decide(ClusterState state, CreateService c, DecisionContext ctx) {
        Scope scope = state.boundary().scope();
        Cluster cluster = ClusterDecider.activeCluster(state);
        String name = Names.serviceName(c.serviceName());
        String clientToken = ServiceValidation.clientToken(c.clientToken());

        var existing = state.service(name);
        if (existing.isPresent()) {
            Service service = existing.get().service();
            if (service.isActive()) {
                if (clientToken != null && clientToken.equals(existing.get().clientToken())) {
                    return Decision.unchanged(Responses.of("service",
                            service.withTags(state.tags(service.serviceArn()))));
                }
                throw EcsException.invalidParameter("Creation of service was not idempotent.");
            }
            if (Service.DRAINING.equals(service.status())) {
                throw EcsException.invalidParameter("Unable to Start a service that is still Draining.");
            }
        }

        String scheduling = ServiceValidation.schedulingStrategy(c.schedulingStrategy());
        DeploymentController controller = ServiceValidation.controller(c.deploymentController());
        boolean external = controller.type().equals("EXTERNAL");
        ServiceValidation.launchType(c.launchType(), c.capacityProviderStrategy());
        int desired = ServiceValidation.desiredCount(c.desiredCount(), scheduling);
        DeploymentConfiguration deploymentConfiguration =
                ServiceValidation.deploymentConfiguration(c.deploymentConfiguration(), null, scheduling);
        List<Tag> tags = Tags.validate(c.tags());

        TaskDefinition taskDefinition = null;
        if (c.taskDefinition() != null || !external) {
            taskDefinition = ServiceValidation.activeTaskDefinition(scope, c.taskDefinition(), ctx);
        }
        String launchType = c.launchType();
        boolean usesStrategy = c.capacityProviderStrategy() != null && !c.capacityProviderStrategy().isEmpty();
        var capacityProviderStrategy = usesStrategy ? List.copyOf(c.capacityProviderStrategy())
                : launchType == null && !cluster.defaultCapacityProviderStrategy().isEmpty()
                        ? cluster.defaultCapacityProviderStrategy() : null;
        if (launchType == null && capacityProviderStrategy == null) {
            launchType = "EC2";
        }
        ServiceValidation.launchTypeCompatibility(launchType, taskDefinition);
        ServiceValidation.networkConfiguration(c.networkConfiguration(), taskDefinition);
        String platformVersion = c.platformVersion() == null && "FARGATE".equals(launchType) ? "LATEST"
                : c.platformVersion();

        String serviceArn = Arns.service(scope, cluster.clusterName(), name);
        Deployment primary = external ? null : DeploymentStart.primary(ctx, taskDefinition.taskDefinitionArn(),
                desired, capacityProviderStrategy, launchType, platformVersion, c.networkConfiguration(),
                c.serviceConnectConfiguration(), c.volumeConfigurations(), c.vpcLatticeConfigurations());
        Service service = new Service(
                serviceArn,
                name,
                cluster.clusterArn(),
                c.loadBalancers() == null ? Json.MAPPER.createArrayNode() : c.loadBalancers(),
                c.serviceRegistries() == null ? Json.MAPPER.createArrayNode()
                        : c.serviceRegistries(),
                Service.ACTIVE,
                desired,
                0,
                0,
                launchType,
                capacityProviderStrategy,
                platformVersion,
                null,
                taskDefinition == null ? null : taskDefinition.taskDefinitionArn(),
                deploymentConfiguration,
                null,
                primary == null ? List.of() : List.of(primary),
                c.role(),
                null,
                ctx.now(),
                ServiceValidation.placementConstraints(c.placementConstraints(), taskDefinition),
                ServiceValidation.placementStrategy(c.placementStrategy(), scheduling),
                c.networkConfiguration(),
                ServiceValidation.gracePeriod(c.healthCheckGracePeriodSeconds()),
                scheduling,
                controller,
                null,
                ctx.actor(),
                c.enableECSManagedTags() != null && c.enableECSManagedTags(),
                ServiceValidation.propagateTags(c.propagateTags()),
                c.enableExecuteCommand() != null && c.enableExecuteCommand(),
                ServiceValidation.availabilityZoneRebalancing(c.availabilityZoneRebalancing()));
        ServiceCreated created = new ServiceCreated(service, clientToken, tags);
        return Decision.accepted(List.of(created), Responses.of("service", service.withTags(tags)));
    }
}
