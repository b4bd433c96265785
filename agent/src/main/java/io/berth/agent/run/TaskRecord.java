package io.berth.agent.run;

import io.berth.agent.plan.DesiredTask;
import io.berth.agent.plan.TaskProgress;
import io.berth.agent.plan.TaskReport;
import io.berth.core.model.TaskStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's working memory of one assigned task: what it is asked to be, what went wrong on the
 * way, what it last reported, and whether an action on it is under way.
 */
final class TaskRecord {

    volatile DesiredTask desired;
    final Map<String, String> pullErrors = new ConcurrentHashMap<>();
    final Map<String, String> containerErrors = new ConcurrentHashMap<>();
    volatile Instant pullStartedAt;
    volatile Instant pullStoppedAt;
    volatile TaskReport lastReported;
    volatile boolean busy;

    TaskRecord(DesiredTask desired) {
        this.desired = desired;
    }

    /** An image already on the engine is a pull that took no time: ECS gives pull times either way. */
    void imagesReady(Instant now) {
        if (pullStartedAt == null) {
            pullStartedAt = now;
            pullStoppedAt = now;
        }
    }

    /** Whether the control plane has seen this task RUNNING (from this agent or before a restart). */
    boolean reachedRunning() {
        int running = TaskStatus.rank(TaskStatus.RUNNING);
        return TaskStatus.rank(desired.task().lastStatus()) >= running
                || (lastReported != null && TaskStatus.rank(lastReported.status()) >= running);
    }

    /**
     * Whether the control plane already has the task STOPPED: its containers have exited and were
     * reported, so observing them again can change nothing; they are removed once the task leaves
     * the assignment (stopped-task retention). A host keeps such tasks for an hour, and inspecting
     * each of them every round put seconds of Docker calls in front of new tasks.
     */
    boolean settled() {
        return TaskStatus.STOPPED.equals(desired.task().lastStatus());
    }

    TaskProgress progress(Set<String> presentImages) {
        return new TaskProgress(presentImages, Map.copyOf(pullErrors), Map.copyOf(containerErrors));
    }
}
