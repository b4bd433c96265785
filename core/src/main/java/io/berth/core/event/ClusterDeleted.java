package io.berth.core.event;

import io.berth.core.model.Cluster;

/** A cluster was deleted and is now INACTIVE. */
public record ClusterDeleted(Cluster cluster) implements Event {

    @Override
    public String resourceArn() {
        return cluster.clusterArn();
    }
}
