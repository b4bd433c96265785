package io.berth.core.validate;

import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a RegisterTaskDefinition request and returns the definition ECS would store: defaults
 * filled in, computed fields set. Identity fields (ARN, revision, status, registeredAt,
 * registeredBy) are left null for the account decider to assign. Problems with the definition's
 * content are ClientExceptions, as in ECS; a value outside an enumerated set is an
 * InvalidParameterException. The order of checks: task-level parameters, Fargate's task-level
 * requirements when FARGATE is required, each container, rules across containers, and finally
 * every other requirement of the launch types the request requires.
 */
public final class TaskDefinitionValidator {

    public static final int MAX_CONTAINERS = 10;
    public static final int MAX_PLACEMENT_CONSTRAINTS = 10;

    private TaskDefinitionValidator() {
    }

    /** ECS's limit on the size of a task definition. */
    static final int MAX_SIZE_BYTES = 64 * 1024;

    public static TaskDefinition validate(RegisterTaskDefinition request) {
        int size = Json.toBytes(request).length;
        if (size > MAX_SIZE_BYTES) {
            throw EcsException.client("The task definition is " + size + " bytes; at most " + MAX_SIZE_BYTES
                    + " (64 KiB) are allowed.");
        }
        if (!Names.isValid(request.family())) {
            throw EcsException.client("Family must be 1 to 255 letters, numbers, hyphens or underscores.");
        }
        List<ContainerDefinition> containers = request.containerDefinitions();
        if (containers == null || containers.isEmpty()) {
            throw EcsException.client("Container list cannot be empty.");
        }
        if (containers.size() > MAX_CONTAINERS) {
            throw EcsException.client("A task definition can have at most " + MAX_CONTAINERS + " containers, got "
                    + containers.size() + ".");
        }
        NetworkMode networkMode = NetworkMode.parse(request.networkMode());
        oneOf("pidMode", request.pidMode(), Set.of("host", "task"));
        oneOf("ipcMode", request.ipcMode(), Set.of("host", "task", "none"));
        List<String> requiresCompatibilities = Compatibilities.checkKnown(request.requiresCompatibilities());
        Integer cpu = TaskSize.cpuUnits(request.cpu());
        Integer memory = TaskSize.memoryMiB(request.memory());
        List<PlacementConstraint> placementConstraints = placementConstraints(request.placementConstraints());
        List<Volume> volumes = Volumes.check(request.volumes());
        if (requiresCompatibilities != null && requiresCompatibilities.contains(Compatibilities.FARGATE)) {
            Optional<String> problem = FargateCompatibility.taskLevelProblem(networkMode, cpu, memory);
            if (problem.isPresent()) {
                throw EcsException.client(problem.get());
            }
        }

        Set<String> containerNames = containerNames(containers);
        ContainerDefinitionValidator.TaskContext context = new ContainerDefinitionValidator.TaskContext(networkMode,
                memory, Volumes.names(volumes), containerNames);
        List<ContainerDefinition> normalised = new ArrayList<>();
        for (ContainerDefinition container : containers) {
            normalised.add(ContainerDefinitionValidator.validate(container, context));
        }
        checkAcrossContainers(normalised, cpu);

        TaskDefinition draft = new TaskDefinition(null, List.copyOf(normalised), request.family(),
                request.taskRoleArn(), request.executionRoleArn(), networkMode.wireName(), 0, volumes, null, null,
                placementConstraints, null, request.runtimePlatform(), requiresCompatibilities,
                cpu == null ? null : cpu.toString(), memory == null ? null : memory.toString(),
                request.inferenceAccelerators(), request.pidMode(), request.ipcMode(), request.proxyConfiguration(),
                null, null, null, null, request.ephemeralStorage(), request.enableFaultInjection());
        Compatibilities.checkRequired(draft);
        return Json.with(draft, Map.of("requiresAttributes", RequiredAttributes.of(draft),
                "compatibilities", Compatibilities.of(draft)));
    }

    private static void oneOf(String parameter, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw EcsException.invalidParameter("Invalid '" + parameter + "' '" + value + "': use "
                    + String.join(" or ", allowed.stream().sorted().toList()) + ".");
        }
    }

    /** Task definitions take only memberOf constraints; distinctInstance is a service or RunTask choice. */
    private static List<PlacementConstraint> placementConstraints(List<PlacementConstraint> constraints) {
        if (constraints == null) {
            return List.of();
        }
        if (constraints.size() > MAX_PLACEMENT_CONSTRAINTS) {
            throw EcsException.client("A task definition can have at most " + MAX_PLACEMENT_CONSTRAINTS
                    + " placement constraints, got " + constraints.size() + ".");
        }
        for (PlacementConstraint constraint : constraints) {
            if (constraint == null || !"memberOf".equals(constraint.type())) {
                throw EcsException.invalidParameter("Invalid placement constraint type '"
                        + (constraint == null ? null : constraint.type()) + "': task definitions take only memberOf.");
            }
            if (constraint.expression() == null || constraint.expression().isBlank()) {
                throw EcsException.client("A memberOf placement constraint needs an 'expression'.");
            }
        }
        return List.copyOf(constraints);
    }

    private static Set<String> containerNames(List<ContainerDefinition> containers) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition container = containers.get(i);
            String name = container == null ? null : container.name();
            if (!Names.isValid(name)) {
                throw EcsException.client("Invalid container name '" + name + "' (container " + (i + 1) + " of "
                        + containers.size() + "): use 1 to 255 letters, numbers, hyphens or underscores.");
            }
            if (!names.add(name)) {
                throw EcsException.client("Duplicate container name '" + name
                        + "': container names must be unique within a task definition.");
            }
        }
        return names;
    }

    private static void checkAcrossContainers(List<ContainerDefinition> containers, Integer taskCpu) {
        if (containers.stream().noneMatch(ContainerDefinition::isEssential)) {
            throw EcsException.client("A task definition needs at least one essential container.");
        }
        if (taskCpu != null) {
            int containerCpu = containers.stream().mapToInt(ContainerDefinition::cpu).sum();
            if (containerCpu > taskCpu) {
                throw EcsException.client("The containers' 'cpu' adds up to " + containerCpu
                        + " units, more than the task's 'cpu' of " + taskCpu + ".");
            }
        }
        PortMappings.checkAcrossContainers(containers);
        ContainerDependencies.check(containers);
    }
}
