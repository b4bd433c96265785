package io.berth.core.command;

/**
 * Internal: an instance's agent stopped (or resumed) sending heartbeats. Sent by the scheduler's
 * agent-liveness process manager; changes {@code agentConnected}.
 */
public record RecordAgentConnectivity(String cluster, String containerInstance, boolean connected)
        implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
