package io.berth.core.cluster;

import io.berth.core.model.Service;
import io.berth.core.model.Task;
import io.berth.core.scheduling.ServicePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A service plan being put together: launches, stops, messages and the service's new bookkeeping. */
final class PlanDraft {

    private final Service original;
    private Service working;
    private final List<ServicePlan.Launch> launches = new ArrayList<>();
    private final Map<String, String> stops = new LinkedHashMap<>();
    private final List<String> messages = new ArrayList<>();

    PlanDraft(Service service) {
        this.original = service;
        this.working = service;
    }

    /** The service as the plan found it. */
    Service original() {
        return original;
    }

    /** The service as the plan leaves it so far. */
    Service service() {
        return working;
    }

    void service(Service changed) {
        working = changed;
    }

    void launch(String deploymentId, String instanceArn) {
        launches.add(new ServicePlan.Launch(deploymentId, instanceArn));
    }

    int launchesOf(String deploymentId) {
        return (int) launches.stream().filter(l -> l.deploymentId().equals(deploymentId)).count();
    }

    boolean hasActions() {
        return !launches.isEmpty() || !stops.isEmpty();
    }

    void stop(Task task, String reason) {
        stops.putIfAbsent(task.taskArn(), reason);
    }

    boolean stopping(Task task) {
        return stops.containsKey(task.taskArn());
    }

    void message(String message) {
        messages.add(message);
    }

    /**
     * The plan. A message equal to the one before it, or (when the plan does nothing else that
     * records events) to the service's newest recorded message, is dropped: ECS suppresses repeats.
     */
    ServicePlan toPlan(long generation, long structuralGeneration, Optional<String> lastRecorded) {
        List<String> kept = new ArrayList<>();
        String previous = hasActions() ? null : lastRecorded.orElse(null);
        for (String m : messages) {
            if (!m.equals(previous)) {
                kept.add(m);
            }
            previous = m;
        }
        List<ServicePlan.Stop> stopList = stops.entrySet().stream()
                .map(e -> new ServicePlan.Stop(e.getKey(), e.getValue())).toList();
        Service updated = Objects.equals(working, original) ? null : working;
        return new ServicePlan(original.serviceName(), generation, structuralGeneration, launches, stopList, updated,
                kept);
    }
}
