package io.berth.core.cluster;

import io.berth.core.arn.Arns;
import io.berth.core.command.DeleteService;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.ServiceDeleted;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import java.util.List;
import java.util.Map;

/**
 * DeleteService: an ACTIVE service goes DRAINING with a desired count of 0 — unlisted, its name
 * still reserved — and becomes INACTIVE once its tasks are gone (see {@link ServicePlanner}).
 * A REPLICA service still scaled above 0 needs {@code force}.
 */
final class ServiceDeletion {

    private ServiceDeletion() {
    }

    static Decision decide(ClusterState state, DeleteService c, DecisionContext ctx) {
        var cluster = ClusterDecider.activeCluster(state);
        String name = Arns.serviceName(state.boundary().scope(), cluster.clusterName(), c.service());
        Service service = state.service(name).map(ClusterState.ServiceEntry::service)
                .orElseThrow(EcsException::serviceNotFound);
        if (!service.isActive()) {
            throw new EcsException(ErrorCode.SERVICE_NOT_ACTIVE_EXCEPTION, "Service was not ACTIVE.");
        }
        boolean replica = ServiceValidation.REPLICA.equals(service.schedulingStrategy());
        if (replica && service.desiredCount() > 0 && !Boolean.TRUE.equals(c.force())) {
            throw EcsException.invalidParameter("The service cannot be stopped while it is scaled above 0.");
        }
        List<Deployment> deployments = service.deployments().stream()
                .map(d -> d.desiredCount() == 0 ? d : d.withDesiredCount(0, ctx.now()))
                .toList();
        Service draining = io.berth.core.json.Json.with(service, Map.of(
                "status", Service.DRAINING, "desiredCount", 0, "deployments", deployments));
        return Decision.accepted(List.of(new ServiceDeleted(draining)),
                Responses.of("service", draining.withTags(state.tags(draining.serviceArn()))));
    }
}
