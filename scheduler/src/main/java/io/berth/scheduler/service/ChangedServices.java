package io.berth.scheduler.service;

import io.berth.core.cluster.ClusterState;
import io.berth.core.event.Event;
import io.berth.core.event.ServiceCreated;
import io.berth.core.event.ServiceDeleted;
import io.berth.core.event.ServiceDrained;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TaskCreated;
import io.berth.core.model.Task;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which services of which clusters an event may have given something to do, so the scheduler
 * plans those and not every service of the cluster after each read. A service's own events and
 * its tasks' name it; a standalone task names none (the capacity it takes or frees is seen at the
 * next tick, when every service is planned anyway); anything else — instances, the cluster,
 * expiry, a reset — makes every service of the cluster due.
 */
final class ChangedServices {

    /** Per cluster boundary key: the services due, or empty meaning all of them. */
    private final Map<String, Optional<Set<String>>> due = new LinkedHashMap<>();

    void record(String boundaryKey, Event event) {
        Optional<String> service = serviceOf(event);
        if (service.isEmpty() && !standaloneTask(event)) {
            due.put(boundaryKey, Optional.empty());
        } else if (service.isPresent()) {
            Optional<Set<String>> current = due.computeIfAbsent(boundaryKey, k -> Optional.of(new LinkedHashSet<>()));
            current.ifPresent(names -> names.add(service.get()));
        }
    }

    /** What is due since the last call: cluster key to its due services (empty: all). */
    Map<String, Optional<Set<String>>> drain() {
        Map<String, Optional<Set<String>>> drained = new LinkedHashMap<>(due);
        due.clear();
        return drained;
    }

    private static Optional<String> serviceOf(Event event) {
        if (event instanceof ServiceCreated e) {
            return Optional.of(e.service().serviceName());
        } else if (event instanceof ServiceUpdated e) {
            return Optional.of(e.service().serviceName());
        } else if (event instanceof ServiceDeleted e) {
            return Optional.of(e.service().serviceName());
        } else if (event instanceof ServiceDrained e) {
            return Optional.of(e.service().serviceName());
        } else if (event instanceof ServiceEventRecorded e) {
            return Optional.of(e.serviceArn().substring(e.serviceArn().lastIndexOf('/') + 1));
        } else if (event instanceof TaskCreated e) {
            return serviceOf(e.task());
        } else if (event instanceof TaskChanged e) {
            return serviceOf(e.task());
        }
        return Optional.empty();
    }

    private static Optional<String> serviceOf(Task task) {
        String group = task.group();
        return group != null && group.startsWith(ClusterState.SERVICE_GROUP_PREFIX)
                ? Optional.of(group.substring(ClusterState.SERVICE_GROUP_PREFIX.length())) : Optional.empty();
    }

    private static boolean standaloneTask(Event event) {
        return event instanceof TaskCreated || event instanceof TaskChanged;
    }
}
