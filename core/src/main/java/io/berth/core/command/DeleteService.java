package io.berth.core.command;

/** ECS DeleteService: the service goes DRAINING (and INACTIVE once its tasks are gone). */
public record DeleteService(String cluster, String service, Boolean force) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
