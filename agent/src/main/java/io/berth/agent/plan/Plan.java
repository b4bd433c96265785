package io.berth.agent.plan;

import java.util.List;

/** What to do next for a task, and the state to report for it now. */
public record Plan(List<Action> actions, TaskReport report) {
}
