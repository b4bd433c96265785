package io.berth.scheduler.fleet;

import io.berth.core.arn.Boundary;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.ExpireStoppedTasks;
import io.berth.core.command.RecordAgentConnectivity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fleet's timers as a pure function of the view, the heartbeats seen and the time: which
 * instances lost (or regained) their agent, and which clusters have STOPPED tasks past retention.
 * Command ids derive from what they are about (instance version, expiry minute), so several
 * scheduler instances, or a restarted one, ask the same question only once.
 */
public final class FleetTimers {

    public static final String ACTOR = "berth:scheduler";

    private FleetTimers() {
    }

    /**
     * @param lastHeartbeat the newest heartbeat time seen per instance ARN
     * @param watchingSince when this scheduler started listening: instances it has not heard from
     *     yet are given the timeout from then, not declared lost at once
     */
    public static List<CommandEnvelope> due(FleetView view, Map<String, Instant> lastHeartbeat, Instant watchingSince,
            Instant now, Duration agentTimeout, Duration retention) {
        List<CommandEnvelope> commands = new ArrayList<>();
        for (FleetView.InstanceState instance : view.instances()) {
            Instant seen = lastHeartbeat.getOrDefault(instance.arn(), watchingSince);
            boolean alive = !seen.plus(agentTimeout).isBefore(now);
            if (alive != instance.connected()) {
                Boundary boundary = Boundary.fromKey(instance.boundaryKey());
                String id = uuid("connectivity:" + instance.arn() + ":" + instance.version() + ":" + alive);
                commands.add(CommandEnvelope.of(id, boundary.scope(), ACTOR, id, now,
                        new RecordAgentConnectivity(boundary.clusterName(), instance.arn(), alive)));
            }
        }
        Instant cutOff = now.minus(retention);
        for (Map.Entry<String, Instant> oldest : view.oldestStopByBoundary().entrySet()) {
            if (oldest.getValue().isBefore(cutOff)) {
                Boundary boundary = Boundary.fromKey(oldest.getKey());
                // Named by the oldest stop it expires: every tick until the view shows the
                // expiry asks the same command (applied once), and the next expiry is a new one.
                String id = uuid("expire:" + oldest.getKey() + ":" + oldest.getValue());
                commands.add(CommandEnvelope.of(id, boundary.scope(), ACTOR, id, now,
                        new ExpireStoppedTasks(boundary.clusterName(), cutOff)));
            }
        }
        return commands;
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
