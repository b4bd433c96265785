package io.berth.core.cluster;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.command.StopTask;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.event.TaskChanged;
import io.berth.core.model.Cluster;
import io.berth.core.model.Task;
import io.berth.core.model.TaskStatus;
import java.util.List;

/**
 * StopTask: asynchronous (ecs-semantics §2, §11.9). The task's desired status becomes STOPPED with
 * stop code UserInitiated; its agent stops the containers and reports STOPPED. Stopping a stopped
 * task changes nothing.
 */
final class TaskStop {

    private static final int MAX_REASON = 255;

    private TaskStop() {
    }

    static Decision decide(ClusterState state, StopTask c, DecisionContext ctx) {
        Cluster cluster = ClusterDecider.activeCluster(state);
        Task task = existing(state, cluster, c.task());
        if (task.isStopped() || TaskStatus.STOPPED.equals(task.desiredStatus())) {
            return Decision.unchanged(Responses.of("task", task));
        }
        String reason = c.reason() == null || c.reason().isBlank() ? "Task stopped by user" : c.reason();
        if (reason.length() > MAX_REASON) {
            throw EcsException.invalidParameter("reason must be at most " + MAX_REASON + " characters.");
        }
        Task stopping = TaskTransitions.stopRequested(task, TaskTransitions.USER_INITIATED, reason, ctx.now());
        return Decision.accepted(List.of(new TaskChanged(stopping)), Responses.of("task", stopping));
    }

    /** The task a {@code task} parameter names (id, long or short ARN), which must exist in the cluster. */
    static Task existing(ClusterState state, Cluster cluster, String reference) {
        Scope scope = state.boundary().scope();
        String id = Arns.taskId(scope, cluster.clusterName(), reference);
        return state.task(Arns.task(scope, cluster.clusterName(), id))
                .orElseThrow(() -> EcsException.invalidParameter("The referenced task was not found."));
    }
}
