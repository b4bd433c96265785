package io.berth.core.cluster;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.decide.DecisionContext;
import io.berth.core.model.Container;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.ContainerOverride;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.NetworkConfiguration;
import io.berth.core.model.Reservation;
import io.berth.core.model.Tag;
import io.berth.core.model.Task;
import io.berth.core.model.TaskAttachment;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.TaskOverride;
import io.berth.core.model.TaskStatus;
import io.berth.core.task.EffectiveContainers;
import java.util.ArrayList;
import java.util.List;

/**
 * A new task as ECS records it at placement: PROVISIONING, desired RUNNING, version 1, its
 * containers PENDING, on the chosen instance and in that instance's availability zone.
 */
final class TaskFactory {

    /** Who asks for the task and how, the same for every task of one RunTask or StartTask. */
    record Launch(TaskDefinition definition, TaskOverride overrides, String group, String startedBy,
            NetworkConfiguration network, List<Tag> tags, Boolean enableExecuteCommand, Reservation reservation) {
    }

    private TaskFactory() {
    }

    static Task create(Scope scope, String clusterName, String clusterArn, ContainerInstance instance, Launch launch,
            DecisionContext ctx) {
        String id = ctx.ids().hexId();
        String taskArn = Arns.task(scope, clusterName, id);
        List<Container> containers = new ArrayList<>();
        for (ContainerDefinition c : EffectiveContainers.of(launch.definition(), launch.overrides())) {
            containers.add(new Container(Arns.container(scope, clusterName, id, ctx.ids().uuid()), taskArn, c.name(),
                    c.image(), null, null, TaskStatus.PENDING, null, null, List.of(), List.of(),
                    c.healthCheck() == null ? null : "UNKNOWN", String.valueOf(c.cpu() == null ? 0 : c.cpu()),
                    c.memory() == null ? null : String.valueOf(c.memory()),
                    c.memoryReservation() == null ? null : String.valueOf(c.memoryReservation())));
        }
        List<TaskAttachment> attachments = "awsvpc".equals(launch.definition().networkMode())
                ? List.of(new TaskAttachment(ctx.ids().uuid(), "ElasticNetworkInterface", "PRECREATED",
                        subnetDetails(launch.network())))
                : List.of();
        return new Task(attachments, List.of(), instance.attribute(ContainerInstances.AVAILABILITY_ZONE), null,
                clusterArn, null, null, instance.containerInstanceArn(), List.copyOf(containers),
                String.valueOf(launch.reservation().cpu()), ctx.now(), TaskStatus.RUNNING,
                Boolean.TRUE.equals(launch.enableExecuteCommand()), null, launch.group(), "UNKNOWN",
                TaskStatus.PROVISIONING, "EC2", String.valueOf(launch.reservation().memory()),
                overrides(launch.definition(), launch.overrides()), null, null, null, null, null, launch.startedBy(),
                null, null, null, null, launch.tags().isEmpty() ? null : launch.tags(), taskArn,
                launch.definition().taskDefinitionArn(), 1, null);
    }

    /** ECS shows an override entry for every container, empty where nothing was overridden. */
    private static TaskOverride overrides(TaskDefinition definition, TaskOverride given) {
        List<ContainerOverride> perContainer = new ArrayList<>();
        for (ContainerDefinition c : definition.containerDefinitions()) {
            ContainerOverride override = given == null || given.containerOverrides() == null ? null
                    : given.containerOverrides().stream().filter(o -> c.name().equals(o.name())).findFirst()
                            .orElse(null);
            perContainer.add(override != null ? override
                    : new ContainerOverride(c.name(), null, null, null, null, null, null, null));
        }
        return new TaskOverride(List.copyOf(perContainer), given == null ? null : given.cpu(),
                given == null ? null : given.memory(), given == null ? null : given.taskRoleArn(),
                given == null ? null : given.executionRoleArn(), null, null);
    }

    private static List<KeyValuePair> subnetDetails(NetworkConfiguration network) {
        if (network == null || network.awsvpcConfiguration() == null
                || network.awsvpcConfiguration().subnets() == null) {
            return List.of();
        }
        return network.awsvpcConfiguration().subnets().stream().limit(1)
                .map(subnet -> new KeyValuePair("subnetId", subnet)).toList();
    }
}
