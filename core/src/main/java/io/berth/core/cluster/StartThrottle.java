package io.berth.core.cluster;

import io.berth.core.model.Deployment;
import io.berth.core.model.Task;
import io.berth.core.scheduling.StartBackoff;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The start-failure throttle of ecs-semantics §4.6: when the PRIMARY deployment's newest tasks
 * failed to start one after another (PENDING to STOPPED, never RUNNING), the next launch waits
 * {@link StartBackoff#after} that many failures from the last one. A task that reached RUNNING
 * ends the run, and a new deployment starts with a clean slate (its tasks are its own).
 */
final class StartThrottle {

    private StartThrottle() {
    }

    /** Whether launches for the deployment must wait at {@code now}. */
    static boolean holds(ServiceTasks tasks, Deployment deployment, Instant now) {
        List<Task> newestFirst = tasks.of(deployment.id()).stream()
                .sorted(Comparator.comparing(Task::createdAt).reversed()).toList();
        int failures = 0;
        Instant last = null;
        for (Task t : newestFirst) {
            if (t.startedAt() != null) {
                break;
            }
            if (!TaskTransitions.TASK_FAILED_TO_START.equals(t.stopCode())) {
                continue;
            }
            failures++;
            Instant at = ServiceTasks.failedAt(t);
            last = last == null || at.isAfter(last) ? at : last;
        }
        return failures > 0 && now.isBefore(last.plus(StartBackoff.after(failures)));
    }
}
