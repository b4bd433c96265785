package io.berth.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The work of the placement scenario, {@code tasks} in all: RunTask bursts of 10 (a fifth), and
 * services — one kind per placement rule: the default strategy, binpack on memory,
 * {@code distinctInstance} (at most one task per instance, and at most half the fleet: binpack
 * fills some instances to the brim, which a task wanting every instance could then not use) and
 * {@code memberOf} one availability zone (a tenth each) — the default-strategy services
 * taking the rest. A kind larger than {@code serviceSize} is split into several services, as
 * ECS's quota of 5,000 tasks per service would make a user do.
 */
record PlacementMix(List<ServiceSpec> services, int runTaskTasks) {

    static final int BURST = 10;

    enum Rule {
        DEFAULT, BINPACK_MEMORY, DISTINCT_INSTANCE, MEMBER_OF_ZONE
    }

    record ServiceSpec(String name, Rule rule, int desiredCount) {
    }

    static PlacementMix of(int tasks, int instances, int serviceSize) {
        int runTask = tasks / 5 / BURST * BURST;
        int distinct = Math.min(instances / 2, tasks / 10);
        int memberOf = tasks / 10;
        int binpack = tasks / 5;
        int spread = tasks - runTask - distinct - memberOf - binpack;
        List<ServiceSpec> services = new ArrayList<>();
        split(services, "spread", Rule.DEFAULT, spread, serviceSize);
        split(services, "binpack", Rule.BINPACK_MEMORY, binpack, serviceSize);
        split(services, "distinct", Rule.DISTINCT_INSTANCE, distinct, instances);
        split(services, "zone-a", Rule.MEMBER_OF_ZONE, memberOf, serviceSize);
        return new PlacementMix(List.copyOf(services), runTask);
    }

    int serviceTasks() {
        return services.stream().mapToInt(ServiceSpec::desiredCount).sum();
    }

    int runTaskCalls() {
        return (runTaskTasks + BURST - 1) / BURST;
    }

    private static void split(List<ServiceSpec> services, String kind, Rule rule, int count, int size) {
        for (int part = 1, left = count; left > 0; part++, left -= size) {
            services.add(new ServiceSpec(kind + "-" + part, rule, Math.min(left, size)));
        }
    }
}
