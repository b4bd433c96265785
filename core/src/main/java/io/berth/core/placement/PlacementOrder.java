package io.berth.core.placement;

import io.berth.core.error.EcsException;
import io.berth.core.model.PlacementStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;

/**
 * The placement strategies of one call as a ranking of the instances that passed every filter
 * (ecs-semantics §4.1). Each strategy gives a candidate a key, lower placing sooner; the keys chain
 * in order, each breaking the ties of those before it. Whatever ties are left are broken by a
 * uniform draw among them, which is all {@code random} is: so no strategies at all means random,
 * and a strategy after {@code random} never gets a tie to break [I: ECS leaves the final choice
 * unspecified].
 * <p>
 * Worked example, {@code [spread attribute:ecs.availability-zone, spread instanceId]} with six tasks
 * over AZs a, b and c of two empty instances each: task 1 may go anywhere, say a1; task 2 sees AZ a
 * holding 1 and b, c holding 0, so it goes to b or c, and task 3 to the other, each AZ now holding 1.
 * Task 4 may go to any AZ, say a, where the instance spread picks a2 over a1, which holds a task
 * already; tasks 5 and 6 likewise, until every AZ holds 2 tasks, one on each instance.
 */
final class PlacementOrder {

    private final List<StrategyKey> keys;
    private final RandomGenerator random;

    private PlacementOrder(List<StrategyKey> keys, RandomGenerator random) {
        this.keys = keys;
        this.random = random;
    }

    /** @throws EcsException InvalidParameterException for an unknown strategy type or field */
    static PlacementOrder of(TaskShape shape, RandomGenerator random) {
        List<StrategyKey> keys = new ArrayList<>();
        boolean afterRandom = false;
        for (PlacementStrategy strategy : shape.strategies()) {
            Optional<StrategyKey> key = key(strategy, shape.group()); // validates even a strategy after random
            if (key.isEmpty()) {
                afterRandom = true;
            } else if (!afterRandom) {
                keys.add(key.get());
            }
        }
        return new PlacementOrder(List.copyOf(keys), random);
    }

    /**
     * The index in {@code cluster} of the best of {@code candidates} (indexes into {@code cluster}).
     * One draw per task, and only on a tie, so the outcome depends on the seed alone.
     */
    int best(List<Integer> candidates, List<InstanceView> cluster) {
        List<ToLongFunction<InstanceView>> round = keys.stream().map(key -> key.forRound(cluster)).toList();
        List<Integer> tied = new ArrayList<>();
        long[] bestKeys = null;
        for (int candidate : candidates) {
            long[] candidateKeys = new long[round.size()];
            for (int i = 0; i < round.size(); i++) {
                candidateKeys[i] = round.get(i).applyAsLong(cluster.get(candidate));
            }
            int comparison = bestKeys == null ? -1 : Arrays.compare(candidateKeys, bestKeys);
            if (comparison < 0) {
                tied.clear();
                bestKeys = candidateKeys;
            }
            if (comparison <= 0) {
                tied.add(candidate);
            }
        }
        return tied.size() == 1 ? tied.get(0) : tied.get(random.nextInt(tied.size()));
    }

    /** The strategy's key, or empty for {@code random}, which only breaks ties. */
    private static Optional<StrategyKey> key(PlacementStrategy strategy, String group) {
        String field = strategy.field();
        return switch (String.valueOf(strategy.type())) {
            case "binpack" -> Optional.of(binpack(field));
            case "spread" -> Optional.of(spread(field, group));
            case "random" -> Optional.empty();
            default -> throw EcsException.invalidParameter("Unknown placement strategy type '" + strategy.type()
                    + "'; the types are binpack, spread and random.");
        };
    }

    /** The instance with the least of the resource left goes first, packing instances full. */
    private static StrategyKey binpack(String field) {
        String resource = field == null ? "" : field.toLowerCase(Locale.ROOT);
        return switch (resource) {
            case "cpu" -> cluster -> InstanceView::remainingCpu;
            case "memory" -> cluster -> InstanceView::remainingMemory;
            default -> throw EcsException.invalidParameter("The binpack placement strategy takes the field cpu or "
                    + "memory, not '" + field + "'.");
        };
    }

    /**
     * Fewest tasks of the group first: per instance for {@code instanceId} (or {@code host}), per
     * attribute value for {@code attribute:<name>}, counting the tasks on every instance that has the
     * value, draining ones too (their tasks stand there until replaced); instances without the
     * attribute make a bucket of their own.
     */
    private static StrategyKey spread(String field, String group) {
        if ("instanceId".equalsIgnoreCase(field) || "host".equalsIgnoreCase(field)) {
            return cluster -> instance -> instance.tasksOf(group);
        }
        if (field != null && field.startsWith("attribute:") && field.length() > "attribute:".length()) {
            String attribute = field.substring("attribute:".length());
            return cluster -> {
                Map<String, Long> tasksPerValue = new HashMap<>();
                for (InstanceView instance : cluster) {
                    tasksPerValue.merge(instance.attributes().get(attribute), (long) instance.tasksOf(group),
                            Long::sum);
                }
                return instance -> tasksPerValue.get(instance.attributes().get(attribute));
            };
        }
        throw EcsException.invalidParameter("The spread placement strategy takes the field instanceId, host or "
                + "attribute:<name>, not '" + field + "'.");
    }

    /** One strategy: given the cluster as it stands before the next task, a key per candidate. */
    @FunctionalInterface
    private interface StrategyKey {
        ToLongFunction<InstanceView> forRound(List<InstanceView> cluster);
    }
}
