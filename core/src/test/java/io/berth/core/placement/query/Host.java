package io.berth.core.placement.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container instance as the query language sees it, with withers for the one fact a row changes. */
record Host(boolean agentConnected, String agentVersion, Map<String, String> attributes, String ec2InstanceId,
        Instant registeredAt, List<String> taskGroups) implements QuerySubject {

    /**
     * Connected agent 1.14.5, a g2.2xlarge Linux instance i-abcd1234 in us-east-1a with gpu-count 4
     * and a value-less attribute {@code flag}, registered 2018-06-18T22:28:28Z, running one task of
     * {@code service:production} and one of {@code family:web}.
     */
    static Host sample() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ecs.availability-zone", "us-east-1a");
        attributes.put("ecs.instance-type", "g2.2xlarge");
        attributes.put("ecs.os-type", "linux");
        attributes.put("gpu-count", "4");
        attributes.put("flag", null);
        return new Host(true, "1.14.5", attributes, "i-abcd1234", Instant.parse("2018-06-18T22:28:28Z"),
                List.of("service:production", "family:web"));
    }

    @Override
    public int runningTasksCount() {
        return taskGroups.size();
    }

    Host disconnected() {
        return new Host(false, agentVersion, attributes, ec2InstanceId, registeredAt, taskGroups);
    }

    Host agentVersion(String version) {
        return new Host(agentConnected, version, attributes, ec2InstanceId, registeredAt, taskGroups);
    }

    Host attribute(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(attributes);
        changed.put(name, value);
        return new Host(agentConnected, agentVersion, changed, ec2InstanceId, registeredAt, taskGroups);
    }

    Host withoutAttribute(String name) {
        Map<String, String> changed = new LinkedHashMap<>(attributes);
        changed.remove(name);
        return new Host(agentConnected, agentVersion, changed, ec2InstanceId, registeredAt, taskGroups);
    }

    Host ec2InstanceId(String id) {
        return new Host(agentConnected, agentVersion, attributes, id, registeredAt, taskGroups);
    }

    Host registeredAt(String instant) {
        return new Host(agentConnected, agentVersion, attributes, ec2InstanceId, Instant.parse(instant), taskGroups);
    }

    Host tasks(String... groups) {
        return new Host(agentConnected, agentVersion, attributes, ec2InstanceId, registeredAt, Arrays.asList(groups));
    }
}
