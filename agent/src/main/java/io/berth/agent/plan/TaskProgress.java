package io.berth.agent.plan;

import java.util.Map;
import java.util.Set;

/**
 * What the agent knows of a task beyond Docker's view: the images present on the host, and the
 * failures it met pulling images (image → Docker's message) or creating and starting containers
 * (container → the whole reason, e.g. {@code CannotStartContainerError: port is already allocated}).
 */
public record TaskProgress(Set<String> presentImages, Map<String, String> pullErrors,
        Map<String, String> containerErrors) {

    public static TaskProgress of(Set<String> presentImages) {
        return new TaskProgress(presentImages, Map.of(), Map.of());
    }
}
