package io.berth.core.event;

import io.berth.core.model.TaskDefinition;
import io.berth.core.model.Tag;
import java.util.List;

/** A task definition revision was registered. */
public record TaskDefinitionRegistered(TaskDefinition taskDefinition, List<Tag> tags) implements Event {

    @Override
    public String resourceArn() {
        return taskDefinition.taskDefinitionArn();
    }
}
