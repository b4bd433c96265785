package io.berth.core.model;

import java.util.Set;

/**
 * What a task holds on its container instance while it is not stopped: CPU units, MiB of memory
 * and static host ports. Recorded when the task is placed, so accounting never depends on the
 * task definition changing later.
 */
public record Reservation(int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts) {

    public static final Reservation NONE = new Reservation(0, 0, Set.of(), Set.of());
}
