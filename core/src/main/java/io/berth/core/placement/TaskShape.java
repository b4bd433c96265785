package io.berth.core.placement;

import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.PlacementStrategy;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one task needs of an instance: CPU units and MiB to reserve, static host ports, and the
 * group it belongs to ({@code service:<name>}, or {@code family:<family>} for a standalone task by
 * default), with the constraints and strategies that steer it. The caller derives it from the task
 * definition and the request; placement knows nothing of task definitions.
 */
public record TaskShape(int cpu, int memory, Set<Integer> tcpHostPorts, Set<Integer> udpHostPorts, String group,
        List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {

    public TaskShape {
        if (cpu < 0 || memory < 0) {
            throw new IllegalArgumentException("negative reservation: cpu " + cpu + ", memory " + memory);
        }
        Objects.requireNonNull(group, "group");
        tcpHostPorts = tcpHostPorts == null ? Set.of() : Set.copyOf(tcpHostPorts);
        udpHostPorts = udpHostPorts == null ? Set.of() : Set.copyOf(udpHostPorts);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
    }
}
