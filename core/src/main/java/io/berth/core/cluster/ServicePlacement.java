package io.berth.core.cluster;

import io.berth.core.model.ContainerInstance;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.PlacementStrategy;
import io.berth.core.model.Reservation;
import io.berth.core.model.Service;
import io.berth.core.model.TaskDefinition;
import io.berth.core.placement.InstanceView;
import io.berth.core.placement.PlacementOutcome;
import io.berth.core.placement.TaskPlacer;
import io.berth.core.placement.TaskShape;
import io.berth.core.task.TaskNeeds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Where a service's tasks go (ecs-semantics §4.1): the task's needs from its task definition, the
 * service's and the task definition's constraints, the service's strategies or the service
 * default (spread over availability zones, then instances).
 */
final class ServicePlacement {

    private ServicePlacement() {
    }

    static TaskShape shape(Service service, TaskDefinition definition) {
        Reservation needs = TaskNeeds.of(definition, null);
        List<PlacementConstraint> constraints = new ArrayList<>();
        if (service.placementConstraints() != null) {
            constraints.addAll(service.placementConstraints());
        }
        if (definition.placementConstraints() != null) {
            constraints.addAll(definition.placementConstraints());
        }
        List<PlacementStrategy> strategies = service.placementStrategy() == null
                || service.placementStrategy().isEmpty() ? VictimSelection.SERVICE_DEFAULT : service.placementStrategy();
        return new TaskShape(needs.cpu(), needs.memory(), needs.tcpPorts(), needs.udpPorts(),
                ClusterState.SERVICE_GROUP_PREFIX + service.serviceName(), constraints, strategies);
    }

    /** {@code count} placements on the cluster's instances as they are; a seed derived from the generation. */
    static PlacementOutcome place(ClusterState state, TaskShape shape, int count, long generation) {
        return TaskPlacer.place(shape, count, views(state), random(shape.group(), generation));
    }

    /** Whether {@code count} more tasks of the shape still fit on one instance (the decider's re-check). */
    static boolean fits(ClusterState state, TaskShape shape, ContainerInstance instance, int count, long generation) {
        PlacementOutcome outcome = TaskPlacer.place(shape, count, List.of(TaskLaunch.view(state, instance)),
                random(shape.group(), generation));
        return outcome.placedOn().size() == count;
    }

    /** Every instance not deregistered, as placement sees it. */
    static List<InstanceView> views(ClusterState state) {
        List<InstanceView> views = new ArrayList<>();
        for (ContainerInstance instance : state.instances()) {
            if (!ContainerInstance.INACTIVE.equals(instance.status())) {
                views.add(TaskLaunch.view(state, instance));
            }
        }
        return views;
    }

    static SplittableRandom random(String group, long generation) {
        UUID seed = UUID.nameUUIDFromBytes((group + ":" + generation).getBytes(StandardCharsets.UTF_8));
        return new SplittableRandom(seed.getMostSignificantBits());
    }
}
