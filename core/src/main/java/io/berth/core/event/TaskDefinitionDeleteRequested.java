package io.berth.core.event;

import io.berth.core.model.TaskDefinition;

/** An INACTIVE task definition revision was asked to be deleted and is DELETE_IN_PROGRESS. */
public record TaskDefinitionDeleteRequested(TaskDefinition taskDefinition) implements Event {

    @Override
    public String resourceArn() {
        return taskDefinition.taskDefinitionArn();
    }
}
