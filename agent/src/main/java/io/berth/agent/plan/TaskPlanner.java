package io.berth.agent.plan;

import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.ContainerDependency;
import io.berth.core.model.NetworkInterface;
import io.berth.core.model.TaskAttachment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's reconciliation as a pure function, in the spirit of a Nomad reconciler: a desired
 * task and what Docker shows of it in, the next actions and the state to report out.
 *
 * <p>A task that should run gets its images pulled, its containers created, and each started
 * once its {@code dependsOn} conditions hold (START, COMPLETE, SUCCESS, HEALTHY). It is RUNNING
 * when every essential container runs. It goes down — every running container stopped, then
 * STOPPED reported — when its desired status is STOPPED, when an essential container exits, or
 * when it cannot start (an image that cannot be pulled, a container that cannot be created or
 * started, a dependency that can never be met).
 */
public final class TaskPlanner {

    /** ECS's default stop timeout (ECS_CONTAINER_STOP_TIMEOUT): signal, then kill after this long. */
    public static final int DEFAULT_STOP_TIMEOUT = 30;

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String STOPPING = "STOPPING";
    static final String STOPPED = "STOPPED";

    private TaskPlanner() {
    }

    public static Plan plan(DesiredTask desired, Map<String, ObservedContainer> observed, TaskProgress progress) {
        Optional<String> failure = startFailure(desired, observed, progress);
        boolean essentialExited = desired.containers().stream()
                .filter(ContainerDefinition::isEssential)
                .map(c -> observed.get(c.name()))
                .anyMatch(o -> o != null && o.hasExited());
        boolean goingDown = !desired.wantsRunning() || failure.isPresent() || essentialExited;

        List<Action> actions = goingDown ? stopActions(desired, observed) : startActions(desired, observed, progress);
        return new Plan(actions, report(desired, observed, progress, goingDown, failure, essentialExited),
                ranThrough(desired, observed));
    }

    /** The RUNNING report of a task whose essential containers have all started (see {@link Plan}). */
    private static Optional<TaskReport> ranThrough(DesiredTask desired, Map<String, ObservedContainer> observed) {
        boolean allRan = desired.containers().stream().filter(ContainerDefinition::isEssential)
                .allMatch(c -> observed.containsKey(c.name()) && observed.get(c.name()).hasRun());
        if (!allRan) {
            return Optional.empty();
        }
        List<ContainerReport> containers = new ArrayList<>();
        for (ContainerDefinition c : desired.containers()) {
            ObservedContainer o = observed.get(c.name());
            boolean ran = o != null && o.hasRun();
            containers.add(new ContainerReport(c.name(), ran ? RUNNING : PENDING, null, null,
                    o == null ? null : o.dockerId(),
                    o == null || o.networkBindings() == null ? List.of() : o.networkBindings(), null,
                    interfaces(desired, o)));
        }
        return Optional.of(new TaskReport(RUNNING, null, List.copyOf(containers)));
    }

    private static List<Action> startActions(DesiredTask desired, Map<String, ObservedContainer> observed,
            TaskProgress progress) {
        List<Action> actions = new ArrayList<>();
        Set<String> pulls = new LinkedHashSet<>();
        for (ContainerDefinition c : desired.containers()) {
            ObservedContainer o = observed.get(c.name());
            if (o == null) {
                if (!progress.presentImages().contains(c.image())) {
                    if (!progress.pullErrors().containsKey(c.image())) {
                        pulls.add(c.image());
                    }
                } else if (!progress.containerErrors().containsKey(c.name())) {
                    actions.add(new Action.Create(c.name(), dependencies(c).isEmpty()));
                }
            } else if (o.isCreatedOnly() && dependenciesMet(c, observed)
                    && !progress.containerErrors().containsKey(c.name())) {
                actions.add(new Action.Start(c.name()));
            }
        }
        List<Action> all = new ArrayList<>();
        pulls.forEach(image -> all.add(new Action.Pull(image)));
        all.addAll(actions);
        return all;
    }

    private static List<Action> stopActions(DesiredTask desired, Map<String, ObservedContainer> observed) {
        List<Action> actions = new ArrayList<>();
        for (ContainerDefinition c : desired.containers()) {
            ObservedContainer o = observed.get(c.name());
            if (o != null && o.isRunning()) {
                actions.add(new Action.Stop(c.name(), c.stopTimeout() == null ? DEFAULT_STOP_TIMEOUT : c.stopTimeout()));
            }
        }
        return actions;
    }

    /** Why the task can never start, if something makes it impossible. */
    private static Optional<String> startFailure(DesiredTask desired, Map<String, ObservedContainer> observed,
            TaskProgress progress) {
        for (ContainerDefinition c : desired.containers()) {
            String containerError = progress.containerErrors().get(c.name());
            if (containerError != null) {
                return Optional.of(containerError);
            }
            String pullError = observed.containsKey(c.name()) ? null : progress.pullErrors().get(c.image());
            if (pullError != null) {
                return Optional.of("CannotPullContainerError: " + pullError);
            }
        }
        for (ContainerDefinition c : desired.containers()) {
            ObservedContainer o = observed.get(c.name());
            if (o != null && !o.isCreatedOnly()) {
                continue;
            }
            for (ContainerDependency dependency : dependencies(c)) {
                ObservedContainer target = observed.get(dependency.containerName());
                if ("SUCCESS".equals(dependency.condition()) && target != null && target.hasExited()
                        && !Integer.valueOf(0).equals(target.exitCode())) {
                    return Optional.of("Dependency condition failed: container " + c.name() + " needs "
                            + dependency.containerName() + " to exit successfully, it exited with "
                            + target.exitCode() + ".");
                }
                if ("HEALTHY".equals(dependency.condition()) && target != null && target.hasExited()) {
                    return Optional.of("Dependency condition failed: container " + c.name() + " needs "
                            + dependency.containerName() + " to be healthy, it exited.");
                }
            }
        }
        return Optional.empty();
    }

    static boolean dependenciesMet(ContainerDefinition container, Map<String, ObservedContainer> observed) {
        for (ContainerDependency dependency : dependencies(container)) {
            ObservedContainer target = observed.get(dependency.containerName());
            if (target == null) {
                return false;
            }
            boolean met = switch (dependency.condition()) {
                case "START" -> target.isRunning() || target.hasExited();
                case "COMPLETE" -> target.hasExited();
                case "SUCCESS" -> target.hasExited() && Integer.valueOf(0).equals(target.exitCode());
                case "HEALTHY" -> "healthy".equals(target.health());
                default -> false;
            };
            if (!met) {
                return false;
            }
        }
        return true;
    }

    private static List<ContainerDependency> dependencies(ContainerDefinition container) {
        return container.dependsOn() == null ? List.of() : container.dependsOn();
    }

    private static TaskReport report(DesiredTask desired, Map<String, ObservedContainer> observed,
            TaskProgress progress, boolean goingDown, Optional<String> failure, boolean essentialExited) {
        List<ContainerReport> containers = new ArrayList<>();
        boolean anyRunning = false;
        boolean allEssentialRunning = true;
        for (ContainerDefinition c : desired.containers()) {
            ObservedContainer o = observed.get(c.name());
            String status;
            if (o != null && o.isRunning()) {
                status = RUNNING;
                anyRunning = true;
            } else if (o != null && o.hasExited()) {
                status = STOPPED;
            } else {
                status = goingDown ? STOPPED : PENDING;
            }
            if (c.isEssential() && !RUNNING.equals(status)) {
                allEssentialRunning = false;
            }
            containers.add(new ContainerReport(c.name(), status, o != null && o.hasExited() ? o.exitCode() : null,
                    reason(c, o, progress), o == null ? null : o.dockerId(),
                    o == null || o.networkBindings() == null ? List.of() : o.networkBindings(),
                    health(c, o), interfaces(desired, o)));
        }
        String status;
        String reason = null;
        if (goingDown) {
            status = anyRunning ? STOPPING : STOPPED;
            reason = failure.orElse(essentialExited ? "Essential container in task exited" : null);
        } else {
            status = allEssentialRunning ? RUNNING : PENDING;
        }
        return new TaskReport(status, reason, List.copyOf(containers));
    }

    private static String reason(ContainerDefinition c, ObservedContainer o, TaskProgress progress) {
        String containerError = progress.containerErrors().get(c.name());
        if (containerError != null) {
            return containerError;
        }
        if (o == null) {
            String pull = progress.pullErrors().get(c.image());
            return pull == null ? null : "CannotPullContainerError: " + pull;
        }
        if (o.oomKilled()) {
            return "OutOfMemoryError: Container killed due to memory usage";
        }
        return o.error() == null || o.error().isBlank() ? null : o.error();
    }

    private static String health(ContainerDefinition c, ObservedContainer o) {
        if (c.healthCheck() == null) {
            return null;
        }
        if (o == null || !o.isRunning()) {
            return o != null && o.hasExited() ? "UNHEALTHY" : "UNKNOWN";
        }
        return switch (o.health() == null ? "" : o.health()) {
            case "healthy" -> "HEALTHY";
            case "unhealthy" -> "UNHEALTHY";
            default -> "UNKNOWN";
        };
    }

    private static List<NetworkInterface> interfaces(DesiredTask desired, ObservedContainer o) {
        if (!"awsvpc".equals(desired.networkMode()) || o == null || o.ipAddress() == null || o.ipAddress().isEmpty()) {
            return List.of();
        }
        String attachment = desired.task().attachments() == null ? null : desired.task().attachments().stream()
                .map(TaskAttachment::id).findFirst().orElse(null);
        return List.of(new NetworkInterface(attachment, o.ipAddress(), null));
    }
}
