package io.berth.core.cluster;

import io.berth.core.arn.Arns;
import io.berth.core.command.StopServiceDeployment;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.core.model.ServiceEvent;
import java.util.List;
import java.util.Optional;

/**
 * StopServiceDeployment with {@code ROLLBACK}, ECS's only accepted stop type: the service's
 * deployment in progress fails and the service goes back to its most recent COMPLETED deployment,
 * whether or not the service asked for rollback — as the circuit breaker does, keeping the tasks
 * the completed deployment still has. With nothing completed to go back to it is refused.
 */
final class ServiceDeploymentStop {

    static final String STOPPED_BY_USER = "Service deployment stopped by user";

    private ServiceDeploymentStop() {
    }

    static Decision decide(ClusterState state, StopServiceDeployment c, DecisionContext ctx) {
        if (c.stopType() != null && !StopServiceDeployment.ROLLBACK.equals(c.stopType())) {
            throw EcsException.invalidParameter("stopType must be ROLLBACK, the only stop type of ECS deployments.");
        }
        String[] parts = c.parts();
        var cluster = ClusterDecider.activeCluster(state);
        String name = Arns.serviceName(state.boundary().scope(), cluster.clusterName(), parts[1]);
        Service service = state.service(name).map(ClusterState.ServiceEntry::service)
                .filter(s -> !Service.INACTIVE.equals(s.status()))
                .orElseThrow(() -> notFound(c));
        String id = "ecs-svc/" + parts[2];
        Deployment deployment = service.deployments().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseGet(() -> state.lastCompletedDeployment(name).filter(d -> d.id().equals(id))
                        .orElseThrow(() -> notFound(c)));
        if (!deployment.isPrimary() || !Deployment.IN_PROGRESS.equals(deployment.rolloutState())
                || !service.isActive()) {
            throw new EcsException(ErrorCode.CONFLICT_EXCEPTION, "The service deployment " + c.serviceDeploymentArn()
                    + " is not in progress, so it cannot be stopped.");
        }
        Optional<Deployment> target = DeploymentBookkeeping.rollbackTarget(state, service);
        if (target.isEmpty()) {
            throw new EcsException(ErrorCode.CONFLICT_EXCEPTION, "The service " + name + " has no completed "
                    + "deployment to roll back to.");
        }
        Service failed = DeploymentBookkeeping.fail(service, STOPPED_BY_USER + ": rolling back.", STOPPED_BY_USER,
                target);
        ServiceEvent event = new ServiceEvent(ctx.ids().uuid(), ctx.now(),
                ServiceMessages.rollingBack(service, id, target.get().id()));
        return Decision.accepted(List.of(new ServiceUpdated(failed, null),
                        new ServiceEventRecorded(service.serviceArn(), event)),
                Responses.of("serviceDeploymentArn", c.serviceDeploymentArn()));
    }

    private static EcsException notFound(StopServiceDeployment c) {
        return new EcsException(ErrorCode.SERVICE_DEPLOYMENT_NOT_FOUND_EXCEPTION, "The service deployment "
                + c.serviceDeploymentArn() + " does not exist.");
    }
}
