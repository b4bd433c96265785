package io.berth.core.event;

import io.berth.core.model.Reservation;
import io.berth.core.model.Task;

/**
 * A task was placed on a container instance, holding {@code reservation} there until it stops. A
 * RunTask with a client token records it and a fingerprint of its request, so a retry returns the
 * same tasks and a different request under the same token is refused.
 */
public record TaskCreated(Task task, Reservation reservation, String clientToken, String requestFingerprint)
        implements Event {

    @Override
    public String resourceArn() {
        return task.taskArn();
    }
}
