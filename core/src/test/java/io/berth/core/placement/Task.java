package io.berth.core.placement;

import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.PlacementStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A task shape for placement tests: 256 CPU units, 512 MiB, group family:web, nothing else until told. */
final class Task {

    static final String GROUP = "family:web";

    private int cpu = 256;
    private int memory = 512;
    private final Set<Integer> tcp = new HashSet<>();
    private final Set<Integer> udp = new HashSet<>();
    private String group = GROUP;
    private final List<PlacementConstraint> constraints = new ArrayList<>();
    private final List<PlacementStrategy> strategies = new ArrayList<>();

    static Task web() {
        return new Task();
    }

    Task cpu(int units) {
        cpu = units;
        return this;
    }

    Task memory(int mib) {
        memory = mib;
        return this;
    }

    Task tcp(Integer... ports) {
        tcp.addAll(Arrays.asList(ports));
        return this;
    }

    Task udp(Integer... ports) {
        udp.addAll(Arrays.asList(ports));
        return this;
    }

    Task group(String name) {
        group = name;
        return this;
    }

    Task distinctInstance() {
        constraints.add(new PlacementConstraint("distinctInstance", null));
        return this;
    }

    Task memberOf(String expression) {
        constraints.add(new PlacementConstraint("memberOf", expression));
        return this;
    }

    Task strategy(String type, String field) {
        strategies.add(new PlacementStrategy(type, field));
        return this;
    }

    TaskShape shape() {
        return new TaskShape(cpu, memory, tcp, udp, group, constraints, strategies);
    }
}
