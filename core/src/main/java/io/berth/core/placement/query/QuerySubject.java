package io.berth.core.placement.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the cluster query language can ask of a container instance, one method per subject
 * (ecs-semantics §4.2). Absent facts are {@code null}; an attribute present without a value maps to
 * {@code null} in {@link #attributes()}.
 */
public interface QuerySubject {

    /** {@code agentConnected}. */
    boolean agentConnected();

    /** {@code agentVersion}, e.g. {@code 1.14.5}. */
    String agentVersion();

    /** {@code attribute:<name>}: every attribute of the instance, by name. */
    Map<String, String> attributes();

    /** {@code ec2InstanceId}. */
    String ec2InstanceId();

    /** {@code registeredAt}. */
    Instant registeredAt();

    /** {@code runningTasksCount}. */
    int runningTasksCount();

    /** {@code task:group}: the group of every task on the instance, one entry per task. */
    List<String> taskGroups();
}
