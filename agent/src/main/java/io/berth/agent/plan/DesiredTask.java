package io.berth.agent.plan;

import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import java.util.List;

/**
 * A task assigned to this instance, with its definition, the containers it runs (overrides
 * applied) and its network mode.
 */
public record DesiredTask(Task task, TaskDefinition definition, List<ContainerDefinition> containers,
        String networkMode) {

    public boolean wantsRunning() {
        return !"STOPPED".equals(task.desiredStatus());
    }

    public ContainerDefinition container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
