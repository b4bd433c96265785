package io.berth.scheduler.service;

import io.berth.core.arn.Boundary;
import io.berth.core.cluster.ClusterState;
import io.berth.core.cluster.ServicePlanner;
import io.berth.core.command.ApplyServicePlan;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.json.Json;
import io.berth.core.model.Service;
import io.berth.core.scheduling.ServicePlan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns plans into commands. A plan's command id is derived from what caused it — the boundary,
 * the service, the generation planned at and the plan itself — so the same view always asks the
 * same command (a redelivered event, a restarted scheduler: the command-service applies it once),
 * and a plan already asked is not asked again until the view or the time changes it.
 *
 * <p>A plan the boundary refused without anything changing (an applied plan always changes the
 * generation) is asked again after {@link #RETRY_AFTER}, under a new id because the
 * command-service remembers its answer to the old one, at most {@link #ATTEMPTS} times; then the
 * scheduler waits for the view to move.
 */
public final class PlanRequests {

    public static final String ACTOR = "berth:scheduler";
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final int ATTEMPTS = 3;

    private record Asked(String planId, int attempt, Instant at) {
    }

    private final Map<String, Asked> lastAsked = new HashMap<>();

    /** The commands due for every service of one cluster boundary at {@code now}. */
    public List<CommandEnvelope> due(ClusterReplicas replicas, String boundaryKey, Instant now) {
        return due(replicas, boundaryKey, Optional.empty(), now);
    }

    /** The commands due for the named services (empty: every service) of one cluster boundary. */
    public List<CommandEnvelope> due(ClusterReplicas replicas, String boundaryKey, Optional<Set<String>> services,
            Instant now) {
        List<CommandEnvelope> commands = new ArrayList<>();
        ClusterState state = replicas.cluster(boundaryKey).orElse(null);
        if (state == null || state.cluster().isEmpty() || !state.cluster().get().isActive()) {
            return commands;
        }
        Boundary boundary = Boundary.fromKey(boundaryKey);
        for (ClusterState.ServiceEntry entry : state.services()) {
            Service service = entry.service();
            if (Service.INACTIVE.equals(service.status())
                    || services.map(names -> !names.contains(service.serviceName())).orElse(false)) {
                continue;
            }
            ServicePlan plan = ServicePlanner.plan(state, service.serviceName(), replicas, now);
            if (plan.isEmpty()) {
                continue;
            }
            String planId = commandId(boundaryKey, plan);
            String key = boundaryKey + "\n" + service.serviceName();
            Asked before = lastAsked.get(key);
            int attempt = 1;
            if (before != null && before.planId().equals(planId)) {
                if (before.attempt() >= ATTEMPTS || now.isBefore(before.at().plus(RETRY_AFTER))) {
                    continue;
                }
                attempt = before.attempt() + 1;
            }
            lastAsked.put(key, new Asked(planId, attempt, now));
            String id = attempt == 1 ? planId : UUID.nameUUIDFromBytes((planId + "#" + attempt)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            commands.add(CommandEnvelope.of(id, boundary.scope(), ACTOR, id, now,
                    new ApplyServicePlan(boundary.clusterName(), plan)));
        }
        return commands;
    }

    static String commandId(String boundaryKey, ServicePlan plan) {
        byte[] cause = (boundaryKey + "\n" + new String(Json.toBytes(plan), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(cause).toString();
    }
}
