package io.berth.core.event;

import io.berth.core.model.ServiceEvent;

/** A message was added to a service's {@code events[]} (ecs-semantics §5.5). */
public record ServiceEventRecorded(String serviceArn, ServiceEvent event) implements Event {

    @Override
    public String resourceArn() {
        return serviceArn;
    }
}
