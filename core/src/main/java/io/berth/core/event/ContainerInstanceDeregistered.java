package io.berth.core.event;

import io.berth.core.model.ContainerInstance;

/** A container instance was deregistered and is INACTIVE. */
public record ContainerInstanceDeregistered(ContainerInstance containerInstance) implements Event {

    @Override
    public String resourceArn() {
        return containerInstance.containerInstanceArn();
    }
}
