package io.berth.core.placement;

import io.berth.core.placement.query.QuerySubject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What placement knows of one container instance: its state, what it has left, and the group of
 * every non-stopped task on it. {@code attributes}: name to value, a {@code null} value meaning
 * present without a value.
 */
public record InstanceView(String arn, String ec2InstanceId, String status, boolean agentConnected,
        Instant registeredAt, String agentVersion, Map<String, String> attributes, int remainingCpu,
        int remainingMemory, Set<Integer> usedTcpPorts, Set<Integer> usedUdpPorts, List<String> taskGroups,
        Map<String, Integer> tasksPerGroup)
        implements QuerySubject {

    public static final String ACTIVE = "ACTIVE";

    public InstanceView {
        // Map.copyOf refuses null values, which stand for attributes present without a value.
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        usedTcpPorts = usedTcpPorts == null ? Set.of() : Set.copyOf(usedTcpPorts);
        usedUdpPorts = usedUdpPorts == null ? Set.of() : Set.copyOf(usedUdpPorts);
        taskGroups = taskGroups == null ? List.of() : List.copyOf(taskGroups);
        tasksPerGroup = tasksPerGroup == null ? count(taskGroups) : Map.copyOf(tasksPerGroup);
    }

    /**
     * An instance and the groups of its tasks; the count per group, which spread asks for every
     * instance at every placement, is worked out here once.
     */
    public InstanceView(String arn, String ec2InstanceId, String status, boolean agentConnected, Instant registeredAt,
            String agentVersion, Map<String, String> attributes, int remainingCpu, int remainingMemory,
            Set<Integer> usedTcpPorts, Set<Integer> usedUdpPorts, List<String> taskGroups) {
        this(arn, ec2InstanceId, status, agentConnected, registeredAt, agentVersion, attributes, remainingCpu,
                remainingMemory, usedTcpPorts, usedUdpPorts, taskGroups, null);
    }

    private static Map<String, Integer> count(List<String> groups) {
        Map<String, Integer> counts = new HashMap<>();
        for (String group : groups) {
            counts.merge(group, 1, Integer::sum);
        }
        return Map.copyOf(counts);
    }

    /**
     * Every non-stopped task on the instance: ECS's {@code runningTasksCount} counts only RUNNING
     * ones, but placement sees PENDING tasks as occupying the instance just the same.
     */
    @Override
    public int runningTasksCount() {
        return taskGroups.size();
    }

    /** Whether placement may consider the instance at all: ACTIVE (so not DRAINING) with its agent connected. */
    public boolean takesPlacements() {
        return ACTIVE.equals(status) && agentConnected;
    }

    /** The tasks of {@code group} on the instance. */
    public int tasksOf(String group) {
        return tasksPerGroup.getOrDefault(group, 0);
    }

    /** The instance once a task of {@code shape} is placed on it: its resources reserved, its group counted. */
    InstanceView withTask(TaskShape shape) {
        Set<Integer> tcp = new HashSet<>(usedTcpPorts);
        tcp.addAll(shape.tcpHostPorts());
        Set<Integer> udp = new HashSet<>(usedUdpPorts);
        udp.addAll(shape.udpHostPorts());
        List<String> groups = new ArrayList<>(taskGroups);
        groups.add(shape.group());
        Map<String, Integer> perGroup = new HashMap<>(tasksPerGroup);
        perGroup.merge(shape.group(), 1, Integer::sum);
        return new InstanceView(arn, ec2InstanceId, status, agentConnected, registeredAt, agentVersion, attributes,
                remainingCpu - shape.cpu(), remainingMemory - shape.memory(), tcp, udp, groups, perGroup);
    }
}
