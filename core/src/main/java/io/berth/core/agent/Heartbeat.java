package io.berth.core.agent;

import java.time.Instant;

/**
 * An agent's sign of life on {@code berth.heartbeats} (key = instance ARN): the scheduler marks an
 * instance disconnected when they stop, and connected again when they resume.
 */
public record Heartbeat(String account, String region, String cluster, String containerInstanceArn, Instant at) {
}
