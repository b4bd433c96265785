package io.berth.core.event;

import io.berth.core.model.ContainerInstance;

/** A container instance registered, ACTIVE, or re-registered (a DRAINING one stays so), with its agent connected. */
public record ContainerInstanceRegistered(ContainerInstance containerInstance) implements Event {

    @Override
    public String resourceArn() {
        return containerInstance.containerInstanceArn();
    }
}
