package io.berth.core.placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container instance for placement tests: ACTIVE, agent connected, 4096 CPU units and 8192 MiB
 * left, no ports used, no tasks, until told otherwise.
 */
final class Instance {

    static final String ARN_PREFIX = "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/";

    private final String id;
    private String status = InstanceView.ACTIVE;
    private boolean agentConnected = true;
    private int cpu = 4096;
    private int memory = 8192;
    private final Set<Integer> tcp = new HashSet<>();
    private final Set<Integer> udp = new HashSet<>();
    private final List<String> groups = new ArrayList<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private Instance(String id) {
        this.id = id;
    }

    static Instance named(String id) {
        return new Instance(id);
    }

    static String arn(String id) {
        return ARN_PREFIX + id;
    }

    static String id(String arn) {
        return arn.substring(ARN_PREFIX.length());
    }

    Instance status(String status) {
        this.status = status;
        return this;
    }

    Instance disconnected() {
        agentConnected = false;
        return this;
    }

    Instance cpu(int remaining) {
        cpu = remaining;
        return this;
    }

    Instance memory(int remaining) {
        memory = remaining;
        return this;
    }

    Instance tcp(Integer... ports) {
        tcp.addAll(Arrays.asList(ports));
        return this;
    }

    Instance udp(Integer... ports) {
        udp.addAll(Arrays.asList(ports));
        return this;
    }

    Instance tasks(String... taskGroups) {
        groups.addAll(Arrays.asList(taskGroups));
        return this;
    }

    Instance attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    Instance az(String zone) {
        return attribute("ecs.availability-zone", zone);
    }

    InstanceView view() {
        return new InstanceView(arn(id), "i-" + id, status, agentConnected, Instant.parse("2024-01-01T00:00:00Z"),
                "1.80.0", attributes, cpu, memory, tcp, udp, groups);
    }
}
