package io.berth.core.event;

import io.berth.core.model.Service;
import io.berth.core.model.Tag;
import java.util.List;

/** A service was created with its first PRIMARY deployment. */
public record ServiceCreated(Service service, String clientToken, List<Tag> tags) implements Event {

    @Override
    public String resourceArn() {
        return service.serviceArn();
    }
}
