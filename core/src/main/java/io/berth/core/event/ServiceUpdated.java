package io.berth.core.event;

import io.berth.core.model.Service;

/**
 * A service changed: its configuration, desired count or deployments. {@code newDeploymentId}
 * names the deployment this change started, if it started one.
 */
public record ServiceUpdated(Service service, String newDeploymentId) implements Event {

    @Override
    public String resourceArn() {
        return service.serviceArn();
    }
}
