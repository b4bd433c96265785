package io.berth.core.cluster;

import io.berth.core.model.PlacementStrategy;
import io.berth.core.model.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which of a service's tasks to stop first (ecs-semantics §4.1, scale-in): tasks not yet RUNNING,
 * then tasks not counted healthy, then as the placement strategies say — {@code spread} takes
 * from the fullest bucket of its field (the service default: the fullest availability zone, then
 * the fullest instance), {@code binpack} from the instance with the most of its resource left.
 * Where ECS picks at random within a bucket, Berth takes the oldest task, so a plan is repeatable.
 */
final class VictimSelection {

    static final List<PlacementStrategy> SERVICE_DEFAULT = List.of(
            new PlacementStrategy("spread", "attribute:" + ContainerInstances.AVAILABILITY_ZONE),
            new PlacementStrategy("spread", "instanceId"));

    private VictimSelection() {
    }

    /**
     * The candidates, first to stop first. {@code live}: every live task of the service, whose
     * spread over buckets decides which bucket is fullest.
     */
    static List<Task> order(ClusterState state, List<Task> candidates, List<Task> live,
            List<PlacementStrategy> strategies, Predicate<Task> healthy) {
        List<PlacementStrategy> ranking = strategies == null || strategies.isEmpty() ? SERVICE_DEFAULT : strategies;
        List<Task> remaining = new ArrayList<>(candidates);
        List<Task> stillLive = new ArrayList<>(live);
        List<Task> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Comparator<Task> first = Comparator.<Task, Boolean>comparing(ServiceTasks::isRunning)
                    .thenComparing(healthy::test);
            for (PlacementStrategy strategy : ranking) {
                first = first.thenComparing(byStrategy(state, strategy, stillLive));
            }
            first = first.thenComparing(Task::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Task::taskArn);
            Task victim = remaining.stream().min(first).orElseThrow();
            remaining.remove(victim);
            stillLive.remove(victim);
            order.add(victim);
        }
        return order;
    }

    /** Smaller first: a fuller bucket (spread) or an instance with more left (binpack) sorts first. */
    private static Comparator<Task> byStrategy(ClusterState state, PlacementStrategy strategy, List<Task> live) {
        String type = strategy.type() == null ? "" : strategy.type().toLowerCase();
        switch (type) {
            case "spread" -> {
                Map<String, Integer> perBucket = new HashMap<>();
                for (Task t : live) {
                    perBucket.merge(bucket(state, strategy.field(), t), 1, Integer::sum);
                }
                return Comparator.comparingInt(t -> -perBucket.getOrDefault(bucket(state, strategy.field(), t), 0));
            }
            case "binpack" -> {
                return Comparator.comparingInt(t -> -remaining(state, strategy.field(), t));
            }
            default -> {
                return (a, b) -> 0;
            }
        }
    }

    private static String bucket(ClusterState state, String field, Task task) {
        if (field == null || "instanceId".equalsIgnoreCase(field) || "host".equalsIgnoreCase(field)) {
            return task.containerInstanceArn();
        }
        String attribute = field.startsWith("attribute:") ? field.substring("attribute:".length()) : field;
        return state.instance(task.containerInstanceArn()).map(i -> i.attribute(attribute)).orElse(null) + "";
    }

    private static int remaining(ClusterState state, String field, Task task) {
        return state.instance(task.containerInstanceArn())
                .map(i -> TaskLaunch.view(state, i))
                .map(v -> "cpu".equalsIgnoreCase(field) ? v.remainingCpu() : v.remainingMemory())
                .orElse(0);
    }
}
