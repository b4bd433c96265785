package io.berth.core.model;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a task holds on its container instance while it is not stopped: CPU units, MiB of memory
 * and static host ports. Recorded when the task is placed, so accounting never depends on the
 * task definition changing later. Ports are kept sorted, so the event that records them reads the
 * same on every JVM.
 */
public record Reservation(int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts) {

    public static final Reservation NONE = new Reservation(0, 0, Set.of(), Set.of());

    public Reservation {
        tcpPorts = sorted(tcpPorts);
        udpPorts = sorted(udpPorts);
    }

    private static Set<Integer> sorted(Set<Integer> ports) {
        return ports == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(ports));
    }
}
