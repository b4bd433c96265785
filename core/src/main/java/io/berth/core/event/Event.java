package io.berth.core.event;

/**
 * A fact, in the past tense, appended to {@code berth.events}. Resource events carry the
 * resource as it stands after the change, so any reader (projection, scheduler, audit) can apply
 * them without the history before them, like ECS's own EventBridge events do.
 */
public sealed interface Event permits ClusterCreated, ClusterUpdated, ClusterDeleted, ServiceCreated, ServiceUpdated,
        ServiceDeleted, ServiceDrained, ServiceEventRecorded, TaskDefinitionRegistered, TaskDefinitionDeregistered,
        TaskDefinitionDeleteRequested, ResourceTagged, ResourceUntagged, BoundaryReset, ContainerInstanceRegistered,
        ContainerInstanceChanged, ContainerInstanceDeregistered, TaskCreated, TaskChanged, TasksExpired {

    /** The ARN of the resource the fact is about (the boundary's key for a reset). */
    String resourceArn();
}
