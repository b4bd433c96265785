package io.berth.agent.plan;

import java.util.List;
import java.util.Optional;

/**
 * What to do next for a task, and the state to report for it now.
 *
 * @param ranThrough the RUNNING report the task passed through, when every essential container
 *     has started: a container that starts and ends between two looks at Docker still made the
 *     task RUNNING, and ECS reports it so (it stops with {@code EssentialContainerExited}, not
 *     {@code TaskFailedToStart})
 */
public record Plan(List<Action> actions, TaskReport report, Optional<TaskReport> ranThrough) {
}
