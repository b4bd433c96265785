package io.berth.core.model;

import java.util.List;

/** Restart a container in place on exit (ecs-semantics §3.2). */
public record ContainerRestartPolicy(Boolean enabled, List<Integer> ignoredExitCodes, Integer restartAttemptPeriod) {
}
