package io.berth.scheduler;

import io.berth.core.arn.Boundary;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.ReconcileService;
import io.berth.core.event.Event;
import io.berth.core.event.EventEnvelope;
import io.berth.core.event.ServiceCreated;
import io.berth.core.event.ServiceDeleted;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.model.Service;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * A process manager: after every change of a service it asks the service's cluster boundary to
 * settle the service's bookkeeping ({@link ReconcileService}) — complete a deployment that has
 * reached its count, drop old deployments without tasks, turn a drained service INACTIVE. It only
 * asks; the boundary's decider decides, and a no-op appends nothing.
 *
 * <p>The command id derives from the event id, so a redelivered event produces a command the
 * command-service has already applied and answers without appending anything (design rule 7).
 */
public final class ServiceSettler {

    public static final String ACTOR = "berth:scheduler";

    private ServiceSettler() {
    }

    public static Optional<CommandEnvelope> react(EventEnvelope envelope) {
        Event event = envelope.event();
        Service service;
        if (event instanceof ServiceCreated e) {
            service = e.service();
        } else if (event instanceof ServiceUpdated e) {
            service = e.service();
        } else if (event instanceof ServiceDeleted e) {
            service = e.service();
        } else {
            return Optional.empty();
        }
        Boundary boundary = Boundary.fromKey(envelope.partitionKey());
        String commandId = UUID.nameUUIDFromBytes(("settle:" + envelope.eventId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        return Optional.of(CommandEnvelope.of(commandId, boundary.scope(), ACTOR, envelope.correlationId(),
                envelope.time(), new ReconcileService(boundary.clusterName(), service.serviceName())));
    }
}
