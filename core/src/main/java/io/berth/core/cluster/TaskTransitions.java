package io.berth.core.cluster;

import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.json.Json;
import io.berth.core.model.Container;
import io.berth.core.model.ContainerStateChange;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.NetworkInterface;
import io.berth.core.model.Task;
import io.berth.core.model.TaskAttachment;
import io.berth.core.model.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How a task changes (ecs-semantics §3.6): a stop request, a stop, and the agent's reports. Each
 * change increments {@code version}; a report that would move the task backwards changes nothing.
 */
final class TaskTransitions {

    static final String USER_INITIATED = "UserInitiated";
    static final String ESSENTIAL_CONTAINER_EXITED = "EssentialContainerExited";
    static final String TASK_FAILED_TO_START = "TaskFailedToStart";
    static final String ENI = "ElasticNetworkInterface";

    private TaskTransitions() {
    }

    /** Desired status STOPPED: the agent will stop the containers and report STOPPED. */
    static Task stopRequested(Task task, String stopCode, String reason, Instant now) {
        Map<String, Object> changes = new HashMap<>();
        changes.put("desiredStatus", TaskStatus.STOPPED);
        changes.put("stopCode", stopCode);
        changes.put("stoppedReason", reason);
        changes.put("stoppingAt", task.stoppingAt() == null ? now : task.stoppingAt());
        changes.put("version", task.version() + 1);
        return Json.with(task, changes);
    }

    /** STOPPED without its agent (the instance left): containers recorded as stopped too. */
    static Task stopped(Task task, String stopCode, String reason, Instant now) {
        List<Container> containers = task.containers().stream()
                .map(c -> Json.with(c, Map.of("lastStatus", TaskStatus.STOPPED)))
                .toList();
        Map<String, Object> changes = new HashMap<>();
        changes.put("lastStatus", TaskStatus.STOPPED);
        changes.put("desiredStatus", TaskStatus.STOPPED);
        changes.put("stopCode", task.stopCode() == null ? stopCode : task.stopCode());
        changes.put("stoppedReason", task.stoppedReason() == null ? reason : task.stoppedReason());
        changes.put("stoppingAt", task.stoppingAt() == null ? now : task.stoppingAt());
        changes.put("executionStoppedAt", now);
        changes.put("stoppedAt", now);
        changes.put("containers", containers);
        if (task.attachments() != null && !task.attachments().isEmpty()) {
            changes.put("attachments", attachments(task.attachments(), containers, TaskStatus.STOPPED));
        }
        changes.put("version", task.version() + 1);
        return Json.with(task, changes);
    }

    /**
     * The task after an agent's report, or empty when the report is stale or changes nothing.
     * {@code essential}: the names of its essential containers, whose health alone makes the task's.
     */
    static Optional<Task> reported(Task task, SubmitTaskStateChange report, Set<String> essential, Instant now) {
        int current = TaskStatus.rank(task.lastStatus());
        int next = TaskStatus.rank(report.status());
        if (task.isStopped() || next < current) {
            return Optional.empty();
        }
        boolean neverRan = task.startedAt() == null && current < TaskStatus.rank(TaskStatus.RUNNING);
        String unaskedStopCode = neverRan ? TASK_FAILED_TO_START : ESSENTIAL_CONTAINER_EXITED;
        List<Container> containers = containers(task, report.containers());
        Map<String, Object> changes = new HashMap<>();
        changes.put("lastStatus", report.status());
        changes.put("containers", containers);
        changes.put("healthStatus", taskHealth(containers, essential));
        if (task.attachments() != null && !task.attachments().isEmpty()) {
            changes.put("attachments", attachments(task.attachments(), containers, report.status()));
        }
        putIfAbsent(changes, task.pullStartedAt(), "pullStartedAt", report.pullStartedAt());
        putIfAbsent(changes, task.pullStoppedAt(), "pullStoppedAt", report.pullStoppedAt());
        if (next >= TaskStatus.rank(TaskStatus.RUNNING) && task.startedAt() == null
                && next < TaskStatus.rank(TaskStatus.STOPPED)) {
            changes.put("startedAt", now);
            changes.put("connectivity", "CONNECTED");
            changes.put("connectivityAt", now);
        }
        if (next >= TaskStatus.rank(TaskStatus.STOPPING) && task.stoppingAt() == null) {
            changes.put("stoppingAt", now);
        }
        if (next == TaskStatus.rank(TaskStatus.STOPPED)) {
            changes.put("desiredStatus", TaskStatus.STOPPED);
            changes.put("stoppedAt", now);
            changes.put("executionStoppedAt", report.executionStoppedAt() != null ? report.executionStoppedAt() : now);
            if (task.stopCode() == null) {
                changes.put("stopCode", unaskedStopCode);
                changes.put("stoppedReason", report.reason() != null ? report.reason()
                        : neverRan ? "Task failed to start" : "Essential container in task exited");
            }
        } else if (report.reason() != null && next >= TaskStatus.rank(TaskStatus.STOPPING) && task.stopCode() == null) {
            // Going down unasked: it failed to start, or an essential container exited.
            changes.put("desiredStatus", TaskStatus.STOPPED);
            changes.put("stopCode", unaskedStopCode);
            changes.put("stoppedReason", report.reason());
        }
        Task updated = Json.with(task, changes);
        if (sameState(task, updated)) {
            return Optional.empty();
        }
        return Optional.of(Json.with(updated, Map.of("version", task.version() + 1)));
    }

    /**
     * The awsvpc network interface follows the task: ATTACHED, with its address, once a container
     * reports one; DELETED once the task stopped. Its id is derived from the attachment's, so the
     * decision stays a pure function of the log.
     */
    static List<TaskAttachment> attachments(List<TaskAttachment> current, List<Container> containers, String status) {
        String address = containers.stream().flatMap(c -> c.networkInterfaces() == null ? Stream.empty()
                        : c.networkInterfaces().stream())
                .map(NetworkInterface::privateIpv4Address).filter(Objects::nonNull).findFirst().orElse(null);
        List<TaskAttachment> updated = new ArrayList<>();
        for (TaskAttachment attachment : current) {
            if (!ENI.equals(attachment.type())) {
                updated.add(attachment);
            } else if (TaskStatus.STOPPED.equals(status)) {
                updated.add(new TaskAttachment(attachment.id(), attachment.type(), "DELETED", attachment.details()));
            } else if (address != null && !"ATTACHED".equals(attachment.status())) {
                List<KeyValuePair> details = new ArrayList<>(attachment.details() == null ? List.of()
                        : attachment.details());
                details.add(new KeyValuePair("networkInterfaceId", networkInterfaceId(attachment.id())));
                details.add(new KeyValuePair("privateIPv4Address", address));
                updated.add(new TaskAttachment(attachment.id(), attachment.type(), "ATTACHED", List.copyOf(details)));
            } else {
                updated.add(attachment);
            }
        }
        return List.copyOf(updated);
    }

    /** {@code eni-} and 17 hex digits, as ECS's, derived from the attachment id. */
    private static String networkInterfaceId(String attachmentId) {
        return "eni-" + UUID.nameUUIDFromBytes(attachmentId.getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "").substring(0, 17);
    }

    private static boolean sameState(Task before, Task after) {
        return Objects.equals(before, Json.with(after, Map.of("version", before.version())));
    }

    private static List<Container> containers(Task task, List<ContainerStateChange> changes) {
        Map<String, ContainerStateChange> byName = new HashMap<>();
        if (changes != null) {
            changes.forEach(c -> byName.put(c.containerName(), c));
        }
        List<Container> containers = new ArrayList<>();
        for (Container container : task.containers()) {
            ContainerStateChange change = byName.get(container.name());
            if (change == null) {
                containers.add(container);
                continue;
            }
            Map<String, Object> update = new HashMap<>();
            putIfGiven(update, "lastStatus", change.status(), container.lastStatus());
            putIfGiven(update, "exitCode", change.exitCode(), container.exitCode());
            putIfGiven(update, "reason", change.reason(), container.reason());
            putIfGiven(update, "runtimeId", change.runtimeId(), container.runtimeId());
            putIfGiven(update, "imageDigest", change.imageDigest(), container.imageDigest());
            putIfGiven(update, "networkBindings", change.networkBindings(), container.networkBindings());
            putIfGiven(update, "networkInterfaces", change.networkInterfaces(), container.networkInterfaces());
            putIfGiven(update, "healthStatus", change.healthStatus(), container.healthStatus());
            containers.add(update.isEmpty() ? container : Json.with(container, update));
        }
        return List.copyOf(containers);
    }

    /**
     * The task's health from the health checks of its essential containers (containers without one
     * have no health status; non-essential ones do not count): any UNHEALTHY makes it UNHEALTHY, all
     * HEALTHY makes it HEALTHY, otherwise (or with no such checks at all) UNKNOWN.
     */
    static String taskHealth(List<Container> containers, Set<String> essential) {
        Set<String> states = new HashSet<>();
        for (Container c : containers) {
            if (c.healthStatus() != null && essential.contains(c.name())) {
                states.add(c.healthStatus());
            }
        }
        if (states.contains("UNHEALTHY")) {
            return "UNHEALTHY";
        }
        return states.equals(Set.of("HEALTHY")) ? "HEALTHY" : "UNKNOWN";
    }

    private static void putIfGiven(Map<String, Object> update, String member, Object given, Object current) {
        if (given != null && !given.equals(current)) {
            update.put(member, given);
        }
    }

    private static void putIfAbsent(Map<String, Object> changes, Instant current, String member, Instant given) {
        if (current == null && given != null) {
            changes.put(member, given);
        }
    }
}
