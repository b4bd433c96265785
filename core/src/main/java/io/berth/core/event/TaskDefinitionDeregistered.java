package io.berth.core.event;

import io.berth.core.model.TaskDefinition;

/** A task definition revision was deregistered and is INACTIVE. */
public record TaskDefinitionDeregistered(TaskDefinition taskDefinition) implements Event {

    @Override
    public String resourceArn() {
        return taskDefinition.taskDefinitionArn();
    }
}
