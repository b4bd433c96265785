package io.berth.core.command;

/** ECS StopTask: asynchronous; the task's desired status becomes STOPPED and its agent stops it. */
public record StopTask(String cluster, String task, String reason) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
