package io.berth.core.placement;

/**
 * The {@code reason} of a placement failure, in ECS's words. Sources: the AWS developer guide page
 * "Amazon ECS API failure reasons" (api_failures_messages: {@code RESOURCE:*} and {@code AGENT} with the
 * container instance as the failure's resource, and {@code TaskFailedToStart: MemberOf placement
 * constraint unsatisfied.}), RunTask responses observed in the wild for {@code DistinctInstance
 * placement constraint unsatisfied.} (arn = the container instance), and the InvalidParameterException
 * RunTask raises on a cluster without instances.
 */
public final class PlacementFailureReasons {

    /** No candidate: no instance is ACTIVE with a connected agent. */
    public static final String AGENT = "AGENT";
    public static final String RESOURCE_CPU = "RESOURCE:CPU";
    public static final String RESOURCE_MEMORY = "RESOURCE:MEMORY";
    /** A static TCP host port is taken. */
    public static final String RESOURCE_PORTS = "RESOURCE:PORTS";
    /**
     * A static UDP host port is taken. ECS names failures after the resource, and the UDP ports are
     * the {@code PORTS_UDP} resource [I].
     */
    public static final String RESOURCE_PORTS_UDP = "RESOURCE:PORTS_UDP";
    public static final String MEMBER_OF = "MemberOf placement constraint unsatisfied.";
    public static final String DISTINCT_INSTANCE = "DistinctInstance placement constraint unsatisfied.";
    /**
     * The cluster has no container instances at all. RunTask answers this with an
     * InvalidParameterException of the same text, and a service event ends with it.
     */
    public static final String NO_CONTAINER_INSTANCES = "No Container Instances were found in your cluster.";

    private PlacementFailureReasons() {
    }
}
