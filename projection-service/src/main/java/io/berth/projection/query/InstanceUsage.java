package io.berth.projection.query;

import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Resource;
import io.berth.core.model.TaskStatus;
import io.berth.projection.view.ContainerInstanceView;
import io.berth.projection.view.TaskView;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the tasks on one container instance hold (ecs-semantics §3.7), from the rows of its tasks
 * that are not STOPPED: remaining = registered − their reservations; the static ports they bind
 * on top of the instance's reserved ones; how many run and how many are still on their way; and
 * their groups, for the cluster query language's {@code task:group}.
 */
final class InstanceUsage {

    static final InstanceUsage NONE = new InstanceUsage();

    private int cpu;
    private int memory;
    private final Set<Integer> tcpPorts = new TreeSet<>();
    private final Set<Integer> udpPorts = new TreeSet<>();
    private int running;
    private int pending;
    private final List<String> groups = new ArrayList<>();

    /** The usage of each instance that has tasks not stopped; instances without any are absent. */
    static Uni<Map<String, InstanceUsage>> of(Collection<String> instanceArns) {
        if (instanceArns.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // The literal 'STOPPED' (not a parameter) lets the planner use the partial index of live tasks.
        return TaskView.<TaskView>list("containerInstanceArn in ?1 and lastStatus <> 'STOPPED'",
                List.copyOf(instanceArns))
                .map(rows -> {
                    Map<String, InstanceUsage> usage = new HashMap<>();
                    for (TaskView row : rows) {
                        usage.computeIfAbsent(row.containerInstanceArn, arn -> new InstanceUsage()).add(row);
                    }
                    return usage;
                });
    }

    private void add(TaskView task) {
        cpu += task.reservedCpu == null ? 0 : task.reservedCpu;
        memory += task.reservedMemory == null ? 0 : task.reservedMemory;
        if (task.reservedTcpPorts != null) {
            tcpPorts.addAll(Arrays.asList(task.reservedTcpPorts));
        }
        if (task.reservedUdpPorts != null) {
            udpPorts.addAll(Arrays.asList(task.reservedUdpPorts));
        }
        groups.add(task.taskGroup);
        if (TaskStatus.RUNNING.equals(task.lastStatus)) {
            running++;
        } else if (TaskStatus.rank(task.lastStatus) < TaskStatus.rank(TaskStatus.RUNNING)) {
            pending++;
        }
    }

    int running() {
        return running;
    }

    int pending() {
        return pending;
    }

    List<String> groups() {
        return groups;
    }

    /** CPU, MEMORY, PORTS and PORTS_UDP as ECS shows them; the port sets are the ports taken. */
    List<Resource> remainingResources(ContainerInstanceView row, ContainerInstance instance) {
        return List.of(
                Resource.integer("CPU", row.registeredCpu - cpu),
                Resource.integer("MEMORY", row.registeredMemory - memory),
                Resource.stringSet("PORTS", taken(instance, "PORTS", tcpPorts)),
                Resource.stringSet("PORTS_UDP", taken(instance, "PORTS_UDP", udpPorts)));
    }

    private static List<String> taken(ContainerInstance instance, String resource, Set<Integer> byTasks) {
        Set<Integer> ports = new TreeSet<>(byTasks);
        for (Resource registered : instance.registeredResources()) {
            if (registered.name().equals(resource) && registered.stringSetValue() != null) {
                registered.stringSetValue().forEach(port -> ports.add(Integer.parseInt(port)));
            }
        }
        return ports.stream().map(String::valueOf).toList();
    }
}
