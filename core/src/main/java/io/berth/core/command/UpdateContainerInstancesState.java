package io.berth.core.command;

import java.util.List;

/** ECS UpdateContainerInstancesState: ACTIVE or DRAINING. */
public record UpdateContainerInstancesState(String cluster, List<String> containerInstances, String status)
        implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
