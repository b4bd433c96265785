package io.berth.core.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.arn.Scope;
import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.command.ExpireStoppedTasks;
import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TasksExpired;
import io.berth.core.model.Cluster;
import io.berth.core.model.Container;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.Task;
import io.berth.core.model.TaskStatus;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What agents report about their tasks (SubmitTaskStateChange, answered with an
 * {@code acknowledgment} as ECS does) and the expiry of tasks stopped long ago.
 */
final class TaskReports {

    private TaskReports() {
    }

    static Decision submit(ClusterState state, SubmitTaskStateChange c, DecisionContext ctx) {
        Cluster cluster = state.cluster().orElseThrow(EcsException::clusterNotFound);
        if (c.status() == null || !TaskStatus.isKnown(c.status())) {
            throw EcsException.invalidParameter("status must be a task status (PENDING, RUNNING, STOPPED, ...).");
        }
        Task task = TaskStop.existing(state, cluster, c.task());
        return TaskTransitions.reported(task, c, essentialContainers(state.boundary().scope(), task, ctx), ctx.now())
                .map(changed -> Decision.accepted(List.of(new TaskChanged(changed)), acknowledgment()))
                .orElseGet(() -> Decision.unchanged(acknowledgment()));
    }

    static Decision expire(ClusterState state, ExpireStoppedTasks c) {
        List<String> expired = state.tasks().stream()
                .filter(t -> t.isStopped() && t.stoppedAt() != null && t.stoppedAt().isBefore(c.stoppedBefore()))
                .map(Task::taskArn)
                .toList();
        if (expired.isEmpty()) {
            return Decision.unchanged(Responses.empty());
        }
        String clusterArn = state.cluster().map(Cluster::clusterArn).orElse(state.boundary().key());
        return Decision.accepted(List.of(new TasksExpired(clusterArn, expired)), Responses.empty());
    }

    /**
     * The names of the task's essential containers, from the revision it was started from; all of
     * its containers when that cannot be read.
     */
    private static Set<String> essentialContainers(Scope scope, Task task, DecisionContext ctx) {
        return ctx.taskDefinitions().find(scope, TaskDefinitionRef.parse(scope, task.taskDefinitionArn()))
                .map(definition -> definition.containerDefinitions().stream().filter(ContainerDefinition::isEssential)
                        .map(ContainerDefinition::name).collect(Collectors.toSet()))
                .orElseGet(() -> task.containers().stream().map(Container::name).collect(Collectors.toSet()));
    }

    private static ObjectNode acknowledgment() {
        return Responses.of("acknowledgment", "ACK");
    }
}
