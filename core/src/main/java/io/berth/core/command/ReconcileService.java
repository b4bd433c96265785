package io.berth.core.command;

/**
 * Internal: asks the cluster boundary to settle a service's deployments against its tasks —
 * drop older deployments that own no tasks, complete a deployment that reached its desired
 * count, finish draining a deleted service. Sent by the scheduler; harmless when repeated.
 */
public record ReconcileService(String cluster, String service) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
