package io.berth.core.model;

/** The counts a cluster shows, derived from what it holds rather than stored as facts. */
public record ClusterCounts(int registeredContainerInstances, int runningTasks, int pendingTasks, int activeServices) {

    public static final ClusterCounts NONE = new ClusterCounts(0, 0, 0, 0);
}
