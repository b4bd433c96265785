package io.berth.core.event;

import io.berth.core.model.ContainerInstance;

/** A container instance's status (ACTIVE, DRAINING) or agent connectivity changed. */
public record ContainerInstanceChanged(ContainerInstance containerInstance) implements Event {

    @Override
    public String resourceArn() {
        return containerInstance.containerInstanceArn();
    }
}
