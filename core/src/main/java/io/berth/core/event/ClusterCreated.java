package io.berth.core.event;

import io.berth.core.model.Cluster;
import io.berth.core.model.Tag;
import java.util.List;

/** A cluster was created (or re-created after it had become INACTIVE). */
public record ClusterCreated(Cluster cluster, List<Tag> tags) implements Event {

    @Override
    public String resourceArn() {
        return cluster.clusterArn();
    }
}
