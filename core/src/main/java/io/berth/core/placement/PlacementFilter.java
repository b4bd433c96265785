package io.berth.core.placement;

import static io.berth.core.placement.PlacementFailureReasons.AGENT;
import static io.berth.core.placement.PlacementFailureReasons.DISTINCT_INSTANCE;
import static io.berth.core.placement.PlacementFailureReasons.MEMBER_OF;
import static io.berth.core.placement.PlacementFailureReasons.RESOURCE_CPU;
import static io.berth.core.placement.PlacementFailureReasons.RESOURCE_MEMORY;
import static io.berth.core.placement.PlacementFailureReasons.RESOURCE_PORTS;
import static io.berth.core.placement.PlacementFailureReasons.RESOURCE_PORTS_UDP;

import io.berth.core.error.EcsException;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.placement.query.ClusterQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * A hard requirement of placement, named by the failure reason ECS gives when it is the one that
 * leaves no instance standing.
 */
record PlacementFilter(String reason, Predicate<InstanceView> admits) {

    static final String DISTINCT_INSTANCE_TYPE = "distinctInstance";
    static final String MEMBER_OF_TYPE = "memberOf";

    /**
     * The requirements of {@code shape} in the order ECS applies them (AWS "Amazon ECS task
     * placement"): a candidate instance, then CPU, memory and ports, then the constraints in their
     * order. Parses every memberOf expression once, up front.
     *
     * @throws EcsException InvalidParameterException for an unknown constraint type or a bad expression
     */
    static List<PlacementFilter> pipeline(TaskShape shape) {
        List<PlacementFilter> filters = new ArrayList<>(List.of(
                new PlacementFilter(AGENT, InstanceView::takesPlacements),
                new PlacementFilter(RESOURCE_CPU, instance -> instance.remainingCpu() >= shape.cpu()),
                new PlacementFilter(RESOURCE_MEMORY, instance -> instance.remainingMemory() >= shape.memory()),
                new PlacementFilter(RESOURCE_PORTS,
                        instance -> Collections.disjoint(instance.usedTcpPorts(), shape.tcpHostPorts())),
                new PlacementFilter(RESOURCE_PORTS_UDP,
                        instance -> Collections.disjoint(instance.usedUdpPorts(), shape.udpHostPorts()))));
        for (PlacementConstraint constraint : shape.constraints()) {
            filters.add(constraint(constraint, shape.group()));
        }
        return filters;
    }

    private static PlacementFilter constraint(PlacementConstraint constraint, String group) {
        if (DISTINCT_INSTANCE_TYPE.equals(constraint.type())) {
            // The views count the tasks already there and those placed earlier in the same call.
            return new PlacementFilter(DISTINCT_INSTANCE, instance -> instance.tasksOf(group) == 0);
        }
        if (MEMBER_OF_TYPE.equals(constraint.type())) {
            if (constraint.expression() == null || constraint.expression().isBlank()) {
                throw EcsException.invalidParameter("A memberOf placement constraint needs an expression.");
            }
            return new PlacementFilter(MEMBER_OF, ClusterQuery.parse(constraint.expression())::matches);
        }
        throw EcsException.invalidParameter("Unknown placement constraint type '" + constraint.type()
                + "'; the types are distinctInstance and memberOf.");
    }
}
