package io.berth.core.command;

/** ECS DeregisterContainerInstance; with tasks still running only with {@code force}. */
public record DeregisterContainerInstance(String cluster, String containerInstance, Boolean force)
        implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
