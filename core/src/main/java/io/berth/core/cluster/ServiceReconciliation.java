package io.berth.core.cluster;

import io.berth.core.command.ReconcileService;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.event.Event;
import io.berth.core.event.ServiceDrained;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.core.model.ServiceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles a service's bookkeeping against the tasks it owns (ecs-semantics §4.4 steps 5 and 6):
 * an older deployment that owns no tasks is dropped; a lone PRIMARY deployment whose running count
 * reached the desired count with nothing pending is COMPLETED, with ECS's two service events; a
 * DRAINING service that owns no tasks becomes INACTIVE. Anything else is left as it is, so a
 * repeated request appends nothing.
 */
final class ServiceReconciliation {

    private ServiceReconciliation() {
    }

    static Decision decide(ClusterState state, ReconcileService c, DecisionContext ctx) {
        String name = c.service();
        var entry = state.service(name);
        if (entry.isEmpty()) {
            return Decision.unchanged(Responses.empty());
        }
        Service service = entry.get().service();
        if (Service.DRAINING.equals(service.status())) {
            if (liveTasks(service) > 0) {
                return Decision.unchanged(Responses.empty());
            }
            Service inactive = service.withStatus(Service.INACTIVE);
            return Decision.accepted(List.of(new ServiceDrained(inactive)), Responses.empty());
        }
        if (!service.isActive()) {
            return Decision.unchanged(Responses.empty());
        }

        List<Event> events = new ArrayList<>();
        List<Deployment> kept = new ArrayList<>();
        for (Deployment d : service.deployments()) {
            if (d.isPrimary() || d.runningCount() + d.pendingCount() > 0) {
                kept.add(d);
            }
        }
        Deployment primary = service.primaryDeployment();
        boolean completes = primary != null && kept.size() == 1 && Deployment.IN_PROGRESS.equals(primary.rolloutState())
                && primary.runningCount() == service.desiredCount() && primary.pendingCount() == 0;
        if (completes) {
            Deployment completed = primary.withRollout(Deployment.COMPLETED,
                    "ECS deployment " + primary.id() + " completed.", ctx.now());
            kept = List.of(completed);
        }
        if (kept.equals(service.deployments())) {
            return Decision.unchanged(Responses.empty());
        }
        events.add(new ServiceUpdated(service.withDeployments(kept), null));
        if (completes) {
            events.add(serviceEvent(service, ctx, "(service " + service.serviceName() + ") (deployment "
                    + primary.id() + ") deployment completed."));
            events.add(serviceEvent(service, ctx, "(service " + service.serviceName() + ") has reached a steady state."));
        }
        return Decision.accepted(events, Responses.empty());
    }

    private static int liveTasks(Service service) {
        return service.deployments().stream().mapToInt(d -> d.runningCount() + d.pendingCount()).sum();
    }

    private static ServiceEventRecorded serviceEvent(Service service, DecisionContext ctx, String message) {
        return new ServiceEventRecorded(service.serviceArn(), new ServiceEvent(ctx.ids().uuid(), ctx.now(), message));
    }
}
