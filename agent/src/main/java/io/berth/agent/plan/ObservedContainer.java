package io.berth.agent.plan;

import io.berth.core.model.NetworkBinding;
import java.util.List;

/**
 * A task container as Docker shows it. {@code state} is Docker's (created, running, exited, ...),
 * {@code health} Docker's health status (starting, healthy, unhealthy) or null without a check.
 */
public record ObservedContainer(String containerName, String dockerId, String state, Integer exitCode,
        String health, boolean oomKilled, String error, List<NetworkBinding> networkBindings, String ipAddress) {

    public boolean isRunning() {
        return "running".equals(state) || "restarting".equals(state) || "paused".equals(state);
    }

    public boolean hasExited() {
        return "exited".equals(state) || "dead".equals(state);
    }

    /** Started at some point: running, or exited without Docker's start error. */
    public boolean hasRun() {
        return isRunning() || (hasExited() && (error == null || error.isBlank()));
    }

    public boolean isCreatedOnly() {
        return "created".equals(state);
    }
}
