package io.berth.core.cluster;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.model.Deployment;
import io.berth.core.model.NetworkConfiguration;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.Service;
import io.berth.core.model.TaskDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * UpdateService. Fields given replace the service's. A change to the task's shape — task
 * definition, network configuration, platform version, load balancers, service registries,
 * capacity provider strategy, Service Connect, volume or VPC Lattice configuration — or
 * {@code forceNewDeployment} starts a new PRIMARY deployment; the previous ones stay listed as
 * ACTIVE until their tasks are gone. A desired-count-only update starts none (ecs-semantics §4.4).
 */
final class ServiceUpdate {

    private ServiceUpdate() {
    }

    static Decision decide(ClusterState state, UpdateService c, DecisionContext ctx) {
        Scope scope = state.boundary().scope();
        var cluster = ClusterDecider.activeCluster(state);
        String name = Arns.serviceName(scope, cluster.clusterName(), c.service());
        Service service = state.service(name).map(ClusterState.ServiceEntry::service)
                .orElseThrow(EcsException::serviceNotFound);
        if (!service.isActive()) {
            throw new EcsException(ErrorCode.SERVICE_NOT_ACTIVE_EXCEPTION, "Service was not ACTIVE.");
        }
        String controller = service.deploymentController().type();
        if (!controller.equals("ECS")) {
            rejectWhatTheControllerDoesNotAllow(c, controller);
        }
        if (c.deploymentController() != null && c.deploymentController().type() != null
                && !c.deploymentController().type().equals(controller)) {
            throw EcsException.invalidParameter("Changing the deployment controller of a service is not supported.");
        }
        ServiceValidation.launchType(null, c.capacityProviderStrategy());

        Map<String, Object> changes = new HashMap<>();
        int desired = service.desiredCount();
        if (c.desiredCount() != null) {
            desired = ServiceValidation.desiredCount(c.desiredCount(), service.schedulingStrategy());
            changes.put("desiredCount", desired);
        }
        if (c.deploymentConfiguration() != null) {
            changes.put("deploymentConfiguration", ServiceValidation.deploymentConfiguration(
                    c.deploymentConfiguration(), service.deploymentConfiguration(), service.schedulingStrategy()));
        }
        if (c.placementStrategy() != null) {
            changes.put("placementStrategy",
                    ServiceValidation.placementStrategy(c.placementStrategy(), service.schedulingStrategy()));
        }
        if (c.healthCheckGracePeriodSeconds() != null) {
            changes.put("healthCheckGracePeriodSeconds",
                    ServiceValidation.gracePeriod(c.healthCheckGracePeriodSeconds()));
        }
        putIfGiven(changes, "enableExecuteCommand", c.enableExecuteCommand());
        putIfGiven(changes, "enableECSManagedTags", c.enableECSManagedTags());
        if (c.propagateTags() != null) {
            changes.put("propagateTags", ServiceValidation.propagateTags(c.propagateTags()));
        }
        if (c.availabilityZoneRebalancing() != null) {
            changes.put("availabilityZoneRebalancing",
                    ServiceValidation.availabilityZoneRebalancing(c.availabilityZoneRebalancing()));
        }

        boolean newShape = Boolean.TRUE.equals(c.forceNewDeployment());
        String taskDefinitionArn = service.taskDefinition();
        TaskDefinition taskDefinition = null;
        if (c.taskDefinition() != null) {
            taskDefinition = ServiceValidation.activeTaskDefinition(scope, c.taskDefinition(), ctx);
            ServiceValidation.launchTypeCompatibility(service.launchType(), taskDefinition);
            newShape |= !taskDefinition.taskDefinitionArn().equals(taskDefinitionArn);
            taskDefinitionArn = taskDefinition.taskDefinitionArn();
            changes.put("taskDefinition", taskDefinitionArn);
        }
        NetworkConfiguration network = c.networkConfiguration() != null ? c.networkConfiguration()
                : service.networkConfiguration();
        boolean networkToCheck = taskDefinition != null || c.networkConfiguration() != null;
        if (networkToCheck || c.placementConstraints() != null) {
            // The definition the tasks will run: the new one, else the current one (null once it is gone).
            TaskDefinition runs = taskDefinition != null ? taskDefinition : taskDefinitionArn == null ? null
                    : ctx.taskDefinitions().find(scope, TaskDefinitionRef.parse(scope, taskDefinitionArn))
                            .orElse(null);
            if (networkToCheck) {
                ServiceValidation.networkConfiguration(network, runs);
            }
            List<PlacementConstraint> constraints = ServiceValidation.placementConstraints(
                    c.placementConstraints() != null ? c.placementConstraints() : service.placementConstraints(),
                    runs);
            if (c.placementConstraints() != null) {
                changes.put("placementConstraints", constraints);
            }
        }
        newShape |= changed(changes, "networkConfiguration", c.networkConfiguration(), service.networkConfiguration());
        newShape |= changed(changes, "platformVersion", c.platformVersion(), service.platformVersion());
        newShape |= changed(changes, "loadBalancers", c.loadBalancers(), service.loadBalancers());
        newShape |= changed(changes, "serviceRegistries", c.serviceRegistries(), service.serviceRegistries());
        newShape |= changed(changes, "capacityProviderStrategy", c.capacityProviderStrategy(),
                service.capacityProviderStrategy());
        boolean toStrategy = c.capacityProviderStrategy() != null && !c.capacityProviderStrategy().isEmpty();
        if (toStrategy && service.launchType() != null) {
            // launchType and a capacity provider strategy exclude each other (ecs-semantics §2).
            changes.put("launchType", null);
        }
        newShape |= c.serviceConnectConfiguration() != null || c.volumeConfigurations() != null
                || c.vpcLatticeConfigurations() != null;

        String newDeploymentId = null;
        Deployment primary = service.primaryDeployment();
        if (newShape && controller.equals("ECS")) {
            Deployment next = DeploymentStart.primary(ctx, taskDefinitionArn, desired,
                    c.capacityProviderStrategy() != null ? c.capacityProviderStrategy()
                            : service.capacityProviderStrategy(),
                    toStrategy ? null : service.launchType(),
                    c.platformVersion() != null ? c.platformVersion() : service.platformVersion(),
                    network,
                    c.serviceConnectConfiguration() != null ? c.serviceConnectConfiguration()
                            : primary == null ? null : primary.serviceConnectConfiguration(),
                    c.volumeConfigurations() != null ? c.volumeConfigurations()
                            : primary == null ? null : primary.volumeConfigurations(),
                    c.vpcLatticeConfigurations() != null ? c.vpcLatticeConfigurations()
                            : primary == null ? null : primary.vpcLatticeConfigurations());
            List<Deployment> deployments = new ArrayList<>();
            deployments.add(next);
            for (Deployment d : service.deployments()) {
                deployments.add(d.isPrimary() ? d.withStatus(Deployment.ACTIVE, ctx.now()) : d);
            }
            changes.put("deployments", deployments);
            newDeploymentId = next.id();
        } else if (desired != service.desiredCount() && primary != null) {
            List<Deployment> deployments = new ArrayList<>();
            for (Deployment d : service.deployments()) {
                deployments.add(d.isPrimary() ? d.withDesiredCount(desired, ctx.now()) : d);
            }
            changes.put("deployments", deployments);
        }

        Service updated = changes.isEmpty() ? service : io.berth.core.json.Json.with(service, changes);
        if (updated.equals(service)) {
            return Decision.unchanged(Responses.of("service", service.withTags(state.tags(service.serviceArn()))));
        }
        return Decision.accepted(List.of(new ServiceUpdated(updated, newDeploymentId)),
                Responses.of("service", updated.withTags(state.tags(updated.serviceArn()))));
    }

    /**
     * CODE_DEPLOY and EXTERNAL services change their tasks through CodeDeploy or task sets: UpdateService
     * may change only the desired count, the deployment configuration (not for EXTERNAL), the grace
     * period, placement and the tag options (ecs-semantics §2). Anything else is refused rather than
     * dropped silently.
     */
    private static void rejectWhatTheControllerDoesNotAllow(UpdateService c, String controller) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("taskDefinition", c.taskDefinition());
        given.put("forceNewDeployment", Boolean.TRUE.equals(c.forceNewDeployment()) ? true : null);
        given.put("networkConfiguration", c.networkConfiguration());
        given.put("platformVersion", c.platformVersion());
        given.put("loadBalancers", c.loadBalancers());
        given.put("serviceRegistries", c.serviceRegistries());
        given.put("capacityProviderStrategy", c.capacityProviderStrategy());
        given.put("serviceConnectConfiguration", c.serviceConnectConfiguration());
        given.put("volumeConfigurations", c.volumeConfigurations());
        given.put("vpcLatticeConfigurations", c.vpcLatticeConfigurations());
        given.put("enableExecuteCommand", c.enableExecuteCommand());
        given.put("availabilityZoneRebalancing", c.availabilityZoneRebalancing());
        if (controller.equals("EXTERNAL")) {
            given.put("deploymentConfiguration", c.deploymentConfiguration());
        }
        List<String> refused = given.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey)
                .toList();
        if (!refused.isEmpty()) {
            throw EcsException.invalidParameter("Unable to update " + String.join(", ", refused)
                    + " of a service with a " + controller + " deployment controller. "
                    + (controller.equals("EXTERNAL") ? "Use task sets instead." : "Use CodeDeploy instead."));
        }
    }

    private static boolean changed(Map<String, Object> changes, String member, Object given, Object current) {
        if (given == null || Objects.equals(given, current)) {
            return false;
        }
        changes.put(member, given);
        return true;
    }

    private static void putIfGiven(Map<String, Object> changes, String member, Object value) {
        if (value != null) {
            changes.put(member, value);
        }
    }
}
