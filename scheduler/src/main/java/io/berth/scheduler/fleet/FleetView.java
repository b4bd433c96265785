package io.berth.scheduler.fleet;

import io.berth.core.arn.Boundary;
import io.berth.core.event.BoundaryReset;
import io.berth.core.event.ContainerInstanceChanged;
import io.berth.core.event.ContainerInstanceDeregistered;
import io.berth.core.event.ContainerInstanceRegistered;
import io.berth.core.event.Event;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TasksExpired;
import io.berth.core.model.ContainerInstance;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The scheduler's own view of the fleet, built from events: every live container instance (its
 * boundary, connectivity and version) and, per cluster, when its STOPPED tasks stopped.
 */
public final class FleetView {

    /** What the scheduler needs to know of an instance. */
    public record InstanceState(String boundaryKey, String arn, boolean connected, long version) {
    }

    private final Map<String, InstanceState> instances = new HashMap<>();
    private final Map<String, Map<String, Instant>> stoppedTasksByBoundary = new HashMap<>();

    public void apply(String boundaryKey, Event event) {
        if (event instanceof ContainerInstanceRegistered e) {
            put(boundaryKey, e.containerInstance());
        } else if (event instanceof ContainerInstanceChanged e) {
            put(boundaryKey, e.containerInstance());
        } else if (event instanceof ContainerInstanceDeregistered e) {
            instances.remove(e.containerInstance().containerInstanceArn());
        } else if (event instanceof TaskChanged e && e.task().isStopped() && e.task().stoppedAt() != null) {
            stoppedTasksByBoundary.computeIfAbsent(boundaryKey, k -> new HashMap<>())
                    .put(e.task().taskArn(), e.task().stoppedAt());
        } else if (event instanceof TasksExpired e) {
            Map<String, Instant> stopped = stoppedTasksByBoundary.get(boundaryKey);
            if (stopped != null) {
                e.taskArns().forEach(stopped::remove);
            }
        } else if (event instanceof BoundaryReset) {
            instances.values().removeIf(i -> i.boundaryKey().equals(boundaryKey));
            stoppedTasksByBoundary.remove(boundaryKey);
        }
    }

    private void put(String boundaryKey, ContainerInstance instance) {
        instances.put(instance.containerInstanceArn(), new InstanceState(boundaryKey,
                instance.containerInstanceArn(), instance.agentConnected(), instance.version()));
    }

    public Collection<InstanceState> instances() {
        return instances.values();
    }

    /** The earliest stop time of the boundary's STOPPED tasks, per cluster boundary that has any. */
    public Map<String, Instant> oldestStopByBoundary() {
        Map<String, Instant> oldest = new HashMap<>();
        stoppedTasksByBoundary.forEach((boundary, stopped) -> stopped.values().stream().min(Instant::compareTo)
                .ifPresent(at -> oldest.put(boundary, at)));
        return oldest;
    }

    static String clusterName(String boundaryKey) {
        return Boundary.fromKey(boundaryKey).clusterName();
    }
}
