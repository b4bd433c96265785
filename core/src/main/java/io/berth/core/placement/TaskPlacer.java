package io.berth.core.placement;

import io.berth.core.model.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Places tasks on container instances, as ECS places EC2 tasks (ecs-semantics §4.1): filter the
 * instances (candidates, resources, constraints), rank the survivors by the strategies, take the
 * best, reserve what the task needs, and go again for the next task, so a call's own tasks count
 * against ports, {@code distinctInstance} and {@code spread}. Pure: the views passed in are not
 * changed, and a seed gives the same outcome every time.
 */
public final class TaskPlacer {

    private TaskPlacer() {
    }

    /**
     * @throws io.berth.core.error.EcsException InvalidParameterException for a constraint or strategy
     *         that is not ECS's, or a memberOf expression that does not parse
     */
    public static PlacementOutcome place(TaskShape shape, int count, List<InstanceView> instances,
            RandomGenerator random) {
        if (count < 0) {
            throw new IllegalArgumentException("negative task count " + count);
        }
        List<PlacementFilter> filters = PlacementFilter.pipeline(shape);
        PlacementOrder order = PlacementOrder.of(shape, random);
        List<InstanceView> cluster = new ArrayList<>(instances);
        List<String> placedOn = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (int task = 0; task < count; task++) {
            Sifting sifting = sift(filters, cluster);
            if (sifting.failure() != null) {
                failures.add(sifting.failure());
                continue;
            }
            int chosen = order.best(sifting.admitted(), cluster);
            placedOn.add(cluster.get(chosen).arn());
            cluster.set(chosen, cluster.get(chosen).withTask(shape));
        }
        return new PlacementOutcome(placedOn, failures);
    }

    /**
     * Runs the filters in order. When one leaves no instance, the failure is that filter's: the
     * instances it eliminated were the closest to fitting, and the first of them names the failure
     * (ECS's "closest matching container-instance").
     */
    private static Sifting sift(List<PlacementFilter> filters, List<InstanceView> cluster) {
        if (cluster.isEmpty()) {
            return new Sifting(List.of(), new Failure(null, PlacementFailureReasons.NO_CONTAINER_INSTANCES, null));
        }
        List<Integer> admitted = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            admitted.add(i);
        }
        for (PlacementFilter filter : filters) {
            List<Integer> passed = admitted.stream().filter(i -> filter.admits().test(cluster.get(i))).toList();
            if (passed.isEmpty()) {
                return new Sifting(List.of(), new Failure(cluster.get(admitted.get(0)).arn(), filter.reason(), null));
            }
            admitted = passed;
        }
        return new Sifting(admitted, null);
    }

    /** The instances (indexes into the cluster) that passed every filter, or why none did. */
    private record Sifting(List<Integer> admitted, Failure failure) {
    }
}
