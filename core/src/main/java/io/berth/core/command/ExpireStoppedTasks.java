package io.berth.core.command;

import java.time.Instant;

/** Internal: forget STOPPED tasks that stopped before {@code stoppedBefore} (sent by the scheduler). */
public record ExpireStoppedTasks(String cluster, Instant stoppedBefore) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
