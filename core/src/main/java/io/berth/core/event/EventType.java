package io.berth.core.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type with its wire name and current schema version. A payload written at an older
 * version is upcast on read ({@link EventEnvelope#event()}); the log itself is never rewritten.
 */
public enum EventType {
    CLUSTER_CREATED("ClusterCreated", 1, ClusterCreated.class),
    CLUSTER_UPDATED("ClusterUpdated", 1, ClusterUpdated.class),
    CLUSTER_DELETED("ClusterDeleted", 1, ClusterDeleted.class),
    SERVICE_CREATED("ServiceCreated", 1, ServiceCreated.class),
    SERVICE_UPDATED("ServiceUpdated", 1, ServiceUpdated.class),
    SERVICE_DELETED("ServiceDeleted", 1, ServiceDeleted.class),
    SERVICE_DRAINED("ServiceDrained", 1, ServiceDrained.class),
    SERVICE_EVENT_RECORDED("ServiceEventRecorded", 1, ServiceEventRecorded.class),
    TASK_DEFINITION_REGISTERED("TaskDefinitionRegistered", 1, TaskDefinitionRegistered.class),
    TASK_DEFINITION_DEREGISTERED("TaskDefinitionDeregistered", 1, TaskDefinitionDeregistered.class),
    TASK_DEFINITION_DELETE_REQUESTED("TaskDefinitionDeleteRequested", 1, TaskDefinitionDeleteRequested.class),
    RESOURCE_TAGGED("ResourceTagged", 1, ResourceTagged.class),
    RESOURCE_UNTAGGED("ResourceUntagged", 1, ResourceUntagged.class),
    BOUNDARY_RESET("BoundaryReset", 1, BoundaryReset.class),
    CONTAINER_INSTANCE_REGISTERED("ContainerInstanceRegistered", 1, ContainerInstanceRegistered.class),
    CONTAINER_INSTANCE_CHANGED("ContainerInstanceChanged", 1, ContainerInstanceChanged.class),
    CONTAINER_INSTANCE_DEREGISTERED("ContainerInstanceDeregistered", 1, ContainerInstanceDeregistered.class),
    TASK_CREATED("TaskCreated", 1, TaskCreated.class),
    TASK_CHANGED("TaskChanged", 1, TaskChanged.class),
    TASKS_EXPIRED("TasksExpired", 1, TasksExpired.class);

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String wireName;
    private final int schemaVersion;
    private final Class<? extends Event> payloadType;

    EventType(String wireName, int schemaVersion, Class<? extends Event> payloadType) {
        this.wireName = wireName;
        this.schemaVersion = schemaVersion;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends Event> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(Event event) {
        return BY_CLASS.get(event.getClass());
    }
}
