package io.berth.core.cluster;

import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Reservation;
import io.berth.core.model.Resource;
import io.berth.core.model.Task;
import io.berth.core.model.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the tasks on one container instance hold (ecs-semantics §3.7): remaining = registered −
 * the reservations of its tasks that are not stopped; the static ports they bind; their groups.
 */
record InstanceUsage(int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts, int running, int pending,
        List<String> groups) {

    /** An instance without tasks that are not stopped. */
    static final InstanceUsage NONE = new InstanceUsage(0, 0, Set.of(), Set.of(), 0, 0, List.of());

    static InstanceUsage of(ClusterState state, ContainerInstance instance) {
        int cpu = 0;
        int memory = 0;
        Set<Integer> tcp = new TreeSet<>();
        Set<Integer> udp = new TreeSet<>();
        int running = 0;
        int pending = 0;
        List<String> groups = new ArrayList<>();
        for (Task task : state.tasksOn(instance.containerInstanceArn())) {
            if (task.isStopped()) {
                continue;
            }
            Reservation reservation = state.reservation(task.taskArn());
            cpu += reservation.cpu();
            memory += reservation.memory();
            tcp.addAll(reservation.tcpPorts());
            udp.addAll(reservation.udpPorts());
            groups.add(task.group());
            if (TaskStatus.RUNNING.equals(task.lastStatus())) {
                running++;
            } else if (TaskStatus.rank(task.lastStatus()) < TaskStatus.rank(TaskStatus.RUNNING)) {
                pending++;
            }
        }
        return new InstanceUsage(cpu, memory, tcp, udp, running, pending, List.copyOf(groups));
    }

    /** The instance's reserved ports (registered) plus those its tasks bind. */
    Set<Integer> usedTcpPorts(ContainerInstance instance) {
        Set<Integer> used = new TreeSet<>(registeredPorts(instance, "PORTS"));
        used.addAll(tcpPorts);
        return used;
    }

    Set<Integer> usedUdpPorts(ContainerInstance instance) {
        Set<Integer> used = new TreeSet<>(registeredPorts(instance, "PORTS_UDP"));
        used.addAll(udpPorts);
        return used;
    }

    List<Resource> remainingResources(ContainerInstance instance) {
        return List.of(
                Resource.integer("CPU", instance.registered("CPU") - cpu),
                Resource.integer("MEMORY", instance.registered("MEMORY") - memory),
                Resource.stringSet("PORTS", usedTcpPorts(instance).stream().map(String::valueOf).toList()),
                Resource.stringSet("PORTS_UDP", usedUdpPorts(instance).stream().map(String::valueOf).toList()));
    }

    private static Set<Integer> registeredPorts(ContainerInstance instance, String name) {
        Set<Integer> ports = new TreeSet<>();
        for (Resource r : instance.registeredResources()) {
            if (r.name().equals(name) && r.stringSetValue() != null) {
                r.stringSetValue().forEach(p -> ports.add(Integer.parseInt(p)));
            }
        }
        return ports;
    }
}
