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
     * spread over buckets decides which bucket is fullest. What each task is ranked by is worked
     * out once; only the bucket counts change as victims are taken.
     */
    static List<Task> order(ClusterState state, List<Task> candidates, List<Task> live,
            List<PlacementStrategy> strategies, Predicate<Task> healthy) {
        List<PlacementStrategy> ranking = strategies == null || strategies.isEmpty() ? SERVICE_DEFAULT : strategies;
        int n = ranking.size();
        List<Map<String, Integer>> perBucket = new ArrayList<>();
        for (PlacementStrategy strategy : ranking) {
            Map<String, Integer> counts = new HashMap<>();
            if (isSpread(strategy)) {
                for (Task t : live) {
                    counts.merge(bucket(state, strategy.field(), t), 1, Integer::sum);
                }
            }
            perBucket.add(counts);
        }
        Map<String, Integer> remainingByInstance = new HashMap<>();
        List<Ranked> remaining = new ArrayList<>();
        for (Task t : candidates) {
            String[] buckets = new String[n];
            int[] left = new int[n];
            for (int i = 0; i < n; i++) {
                PlacementStrategy strategy = ranking.get(i);
                if (isSpread(strategy)) {
                    buckets[i] = bucket(state, strategy.field(), t);
                } else if (isBinpack(strategy)) {
                    left[i] = remainingByInstance.computeIfAbsent(t.containerInstanceArn() + "\n" + strategy.field(),
                            k -> remaining(state, strategy.field(), t));
                }
            }
            remaining.add(new Ranked(t, ServiceTasks.isRunning(t), healthy.test(t), buckets, left));
        }
        Comparator<Ranked> first = Comparator.<Ranked, Boolean>comparing(Ranked::running)
                .thenComparing(Ranked::healthy);
        for (int i = 0; i < n; i++) {
            int strategy = i;
            if (isSpread(ranking.get(i))) {
                first = first.thenComparingInt(r -> -perBucket.get(strategy).getOrDefault(r.buckets()[strategy], 0));
            } else if (isBinpack(ranking.get(i))) {
                first = first.thenComparingInt(r -> -r.left()[strategy]);
            }
        }
        first = first.thenComparing(r -> r.task().createdAt(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.task().taskArn());
        List<Task> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Ranked victim = remaining.get(0);
            for (Ranked r : remaining) {
                if (first.compare(r, victim) < 0) {
                    victim = r;
                }
            }
            remaining.remove(victim);
            for (int i = 0; i < n; i++) {
                if (victim.buckets()[i] != null) {
                    perBucket.get(i).merge(victim.buckets()[i], -1, Integer::sum);
                }
            }
            order.add(victim.task());
        }
        return order;
    }

    /** A candidate with what it is ranked by, per strategy: its bucket (spread) or what its instance has left (binpack). */
    private record Ranked(Task task, boolean running, boolean healthy, String[] buckets, int[] left) {
    }

    private static boolean isSpread(PlacementStrategy strategy) {
        return "spread".equalsIgnoreCase(strategy.type());
    }

    private static boolean isBinpack(PlacementStrategy strategy) {
        return "binpack".equalsIgnoreCase(strategy.type());
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
