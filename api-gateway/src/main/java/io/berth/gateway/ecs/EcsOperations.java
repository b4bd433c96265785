package io.berth.gateway.ecs;

import io.berth.core.command.CommandType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the gateway serves each operation of the ECS API model: writes become commands on the
 * log, reads are answered by the projection-service, operations of the model that Berth does not
 * serve are refused with {@code UnsupportedFeatureException}; any other name is unknown.
 */
public final class EcsOperations {

    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";

    public enum Kind {
        WRITE, READ, UNSUPPORTED
    }

    private static final Set<String> WRITES = Set.of("CreateCluster", "UpdateCluster", "DeleteCluster",
            "RegisterTaskDefinition", "DeregisterTaskDefinition", "DeleteTaskDefinitions", "CreateService",
            "UpdateService", "DeleteService", "TagResource", "UntagResource", "RegisterContainerInstance",
            "DeregisterContainerInstance", "UpdateContainerInstancesState", "RunTask", "StartTask", "StopTask",
            "SubmitTaskStateChange", "StopServiceDeployment");

    private static final Set<String> READS = Set.of("DescribeClusters", "ListClusters", "DescribeTaskDefinition",
            "ListTaskDefinitions", "ListTaskDefinitionFamilies", "DescribeServices", "ListServices",
            "ListTagsForResource", "DescribeTasks", "ListTasks", "DescribeContainerInstances",
            "ListContainerInstances", "ListServiceDeployments", "DescribeServiceDeployments");

    /** The rest of the ECS model (botocore 2014-11-13 and the AWS SDK for Java 2.57). */
    private static final Set<String> UNSUPPORTED = Set.of("PutAttributes", "DeleteAttributes",
            "ListAttributes", "SubmitContainerStateChange", "SubmitAttachmentStateChanges",
            "CreateCapacityProvider", "DescribeCapacityProviders", "UpdateCapacityProvider", "DeleteCapacityProvider",
            "PutClusterCapacityProviders", "CreateTaskSet", "UpdateTaskSet", "DeleteTaskSet", "DescribeTaskSets",
            "UpdateServicePrimaryTaskSet", "DescribeServiceRevisions", "ContinueServiceDeployment",
            "PutAccountSetting", "PutAccountSettingDefault", "DeleteAccountSetting", "ListAccountSettings",
            "DiscoverPollEndpoint",
            "ExecuteCommand", "GetTaskProtection", "UpdateTaskProtection", "UpdateContainerAgent",
            "UpdateClusterSettings", "ListServicesByNamespace", "RegisterDaemonTaskDefinition",
            "DescribeDaemonTaskDefinition", "ListDaemonTaskDefinitions", "DeleteDaemonTaskDefinition", "CreateDaemon",
            "DescribeDaemon", "UpdateDaemon", "DeleteDaemon", "ListDaemons", "DescribeDaemonDeployments",
            "ListDaemonDeployments", "DescribeDaemonRevisions", "CreateExpressGatewayService",
            "DescribeExpressGatewayService", "UpdateExpressGatewayService", "DeleteExpressGatewayService",
            "CreateGateway", "DescribeGateway", "UpdateGateway", "DeleteGateway", "ListGateways",
            "DescribeGatewayResources", "DescribeGatewayRoute", "ListGatewayRoutes", "AssociateGatewayWithCluster",
            "DisassociateGatewayFromCluster", "ListGatewayClusterAssociations");

    private static final Map<String, Kind> KINDS = Stream.of(
                    WRITES.stream().map(op -> Map.entry(op, Kind.WRITE)),
                    READS.stream().map(op -> Map.entry(op, Kind.READ)),
                    UNSUPPORTED.stream().map(op -> Map.entry(op, Kind.UNSUPPORTED)))
            .flatMap(s -> s)
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    static {
        for (String write : WRITES) {
            if (CommandType.byName(write).isEmpty()) {
                throw new ExceptionInInitializerError(write + " is served as a write but is not a command type");
            }
        }
    }

    private EcsOperations() {
    }

    /** The operation named by an {@code X-Amz-Target} header, if it is one of the ECS model. */
    public static Optional<String> operation(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return Optional.empty();
        }
        String name = target.substring(TARGET_PREFIX.length());
        return KINDS.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    public static Kind kind(String operation) {
        return KINDS.get(operation);
    }
}
