package io.berth.agent.plan;

import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.Task;
import java.util.List;

/** A task assigned to this instance, with the containers it runs (overrides applied) and its network mode. */
public record DesiredTask(Task task, List<ContainerDefinition> containers, String networkMode) {

    public boolean wantsRunning() {
        return !"STOPPED".equals(task.desiredStatus());
    }

    public ContainerDefinition container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
