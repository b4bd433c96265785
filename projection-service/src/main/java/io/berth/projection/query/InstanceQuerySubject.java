package io.berth.projection.query;

import io.berth.core.model.Attribute;
import io.berth.core.model.ContainerInstance;
import io.berth.core.placement.query.QuerySubject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container instance as ListContainerInstances' {@code filter} sees it. Unlike placement's
 * {@code InstanceView}, whose {@code runningTasksCount} counts every task not stopped (a pending
 * task occupies the instance just the same), {@code runningTasksCount} here is the RUNNING count
 * DescribeContainerInstances shows, so that a filter and a describe of the same instance agree.
 * {@code task:group} is the group of every task not stopped.
 */
record InstanceQuerySubject(boolean agentConnected, String agentVersion, Map<String, String> attributes,
        String ec2InstanceId, Instant registeredAt, int runningTasksCount, List<String> taskGroups)
        implements QuerySubject {

    static InstanceQuerySubject of(ContainerInstance instance, InstanceUsage usage) {
        // A null value stands for an attribute present without a value, which Map.copyOf refuses.
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Attribute attribute : instance.attributes() == null ? List.<Attribute>of() : instance.attributes()) {
            attributes.put(attribute.name(), attribute.value());
        }
        return new InstanceQuerySubject(instance.agentConnected(),
                instance.versionInfo() == null ? null : instance.versionInfo().agentVersion(),
                Collections.unmodifiableMap(attributes), instance.ec2InstanceId(), instance.registeredAt(),
                usage.running(), Collections.unmodifiableList(new ArrayList<>(usage.groups())));
    }
}
