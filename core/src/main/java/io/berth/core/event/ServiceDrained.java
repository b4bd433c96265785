package io.berth.core.event;

import io.berth.core.model.Service;

/** A DRAINING service has no tasks left and is INACTIVE; its name is free again. */
public record ServiceDrained(Service service) implements Event {

    @Override
    public String resourceArn() {
        return service.serviceArn();
    }
}
