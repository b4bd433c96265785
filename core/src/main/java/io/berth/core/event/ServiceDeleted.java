package io.berth.core.event;

import io.berth.core.model.Service;

/** A service was deleted and is DRAINING: unlisted, its name still reserved, its tasks stopping. */
public record ServiceDeleted(Service service) implements Event {

    @Override
    public String resourceArn() {
        return service.serviceArn();
    }
}
