package io.berth.core.event;

import io.berth.core.model.Task;

/** A task changed: its last or desired status, its containers, its health (ECS "Task State Change"). */
public record TaskChanged(Task task) implements Event {

    @Override
    public String resourceArn() {
        return task.taskArn();
    }
}
