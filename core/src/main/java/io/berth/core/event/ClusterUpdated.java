package io.berth.core.event;

import io.berth.core.model.Cluster;

/** A cluster's settings, configuration or counts changed. */
public record ClusterUpdated(Cluster cluster) implements Event {

    @Override
    public String resourceArn() {
        return cluster.clusterArn();
    }
}
