package io.berth.core.command;

/** ECS DeleteCluster: the cluster becomes INACTIVE, refused while services, tasks or instances remain. */
public record DeleteCluster(String cluster) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
