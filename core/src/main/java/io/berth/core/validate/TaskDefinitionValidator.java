package io.berth.core.validate;

import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.error.EcsException;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.TaskDefinition;
import java.util.List;

/**
 * Validates a RegisterTaskDefinition request and returns the definition ECS would store: defaults
 * filled in, computed fields set. Identity fields (ARN, revision, status, registeredAt,
 * registeredBy) are left null for the account decider to assign.
 */
public final class TaskDefinitionValidator {

    private TaskDefinitionValidator() {
    }

    public static TaskDefinition validate(RegisterTaskDefinition request) {
        if (!Names.isValid(request.family())) {
            throw EcsException.client("Family must be 1 to 255 letters, numbers, hyphens or underscores.");
        }
        List<ContainerDefinition> containers = request.containerDefinitions();
        if (containers == null || containers.isEmpty()) {
            throw EcsException.client("Container list cannot be empty.");
        }
        return new TaskDefinition(null, containers, request.family(), request.taskRoleArn(),
                request.executionRoleArn(), request.networkMode(), 0, request.volumes(), null, List.of(),
                request.placementConstraints(), List.of("EC2"), request.runtimePlatform(),
                request.requiresCompatibilities(), request.cpu(), request.memory(), request.inferenceAccelerators(),
                request.pidMode(), request.ipcMode(), request.proxyConfiguration(), null, null, null, null,
                request.ephemeralStorage(), request.enableFaultInjection());
    }
}
