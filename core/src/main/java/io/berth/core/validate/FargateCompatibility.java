package io.berth.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.Volume;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a task definition can run on Fargate: network mode awsvpc, a task size Fargate offers,
 * and none of the features a shared, instance-less platform does not give (host paths, privileged
 * containers, Docker volumes, devices, placement constraints...). Each check answers the first
 * reason it cannot, in ECS's words where ECS's are known.
 */
final class FargateCompatibility {

    static final int MAX_TIMEOUT_SECONDS = 120;

    private static final Set<String> LOG_DRIVERS = Set.of("awslogs", "splunk", "awsfirelens");
    private static final List<String> UNSUPPORTED_LINUX_PARAMETERS = List.of("devices", "sharedMemorySize", "tmpfs",
            "maxSwap", "swappiness");

    private FargateCompatibility() {
    }

    /** The task-level requirements, checked before the containers when FARGATE is required. */
    static Optional<String> taskLevelProblem(NetworkMode mode, Integer cpu, Integer memoryMiB) {
        if (mode != NetworkMode.AWSVPC) {
            return Optional.of("Fargate only supports network mode 'awsvpc'.");
        }
        if (cpu == null) {
            return Optional.of("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (memoryMiB == null) {
            return Optional.of("Fargate requires that 'memory' be defined at the task level.");
        }
        if (!FargateSizes.isValid(cpu, memoryMiB)) {
            return Optional.of("No Fargate configuration exists for given values: " + cpu + " CPU, " + memoryMiB
                    + " memory. Fargate sizes: " + FargateSizes.allowedFor(cpu) + ".");
        }
        return Optional.empty();
    }

    /** Why {@code definition} (validated, normalised) cannot run on Fargate, if it cannot. */
    static Optional<String> problem(TaskDefinition definition) {
        Optional<String> taskLevel = taskLevelProblem(NetworkMode.parse(definition.networkMode()),
                definition.cpu() == null ? null : Integer.valueOf(definition.cpu()),
                definition.memory() == null ? null : Integer.valueOf(definition.memory()));
        if (taskLevel.isPresent()) {
            return taskLevel;
        }
        if (!definition.placementConstraints().isEmpty()) {
            return Optional.of("Fargate does not support task placement constraints.");
        }
        if ("host".equals(definition.pidMode())) {
            return Optional.of("Fargate does not support pidMode 'host'.");
        }
        if (definition.ipcMode() != null) {
            return Optional.of("Fargate does not support 'ipcMode'.");
        }
        for (Volume volume : definition.volumes()) {
            if (volume.host() != null && volume.host().sourcePath() != null) {
                return Optional.of("Fargate does not support host volumes with a 'sourcePath' (volume '"
                        + volume.name() + "').");
            }
            if (volume.dockerVolumeConfiguration() != null) {
                return Optional.of("Fargate does not support Docker volumes (volume '" + volume.name() + "').");
            }
        }
        for (ContainerDefinition container : definition.containerDefinitions()) {
            Optional<String> problem = containerProblem(container)
                    .map(detail -> InvalidSetting.message(container.name(), detail));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> containerProblem(ContainerDefinition container) {
        if (Boolean.TRUE.equals(container.privileged())) {
            return Optional.of("Fargate does not support 'privileged' containers.");
        }
        if (container.dockerSecurityOptions() != null && !container.dockerSecurityOptions().isEmpty()) {
            return Optional.of("Fargate does not support 'dockerSecurityOptions'.");
        }
        if (container.logConfiguration() != null && !LOG_DRIVERS.contains(container.logConfiguration().logDriver())) {
            return Optional.of("Fargate supports the awslogs, splunk and awsfirelens log drivers, not '"
                    + container.logConfiguration().logDriver() + "'.");
        }
        if (exceedsTimeout(container.startTimeout())) {
            return Optional.of("Fargate allows a 'startTimeout' of 2 to " + MAX_TIMEOUT_SECONDS + " seconds.");
        }
        if (exceedsTimeout(container.stopTimeout())) {
            return Optional.of("Fargate allows a 'stopTimeout' of 2 to " + MAX_TIMEOUT_SECONDS + " seconds.");
        }
        JsonNode linux = container.linuxParameters();
        if (linux != null) {
            for (String parameter : UNSUPPORTED_LINUX_PARAMETERS) {
                if (linux.hasNonNull(parameter)) {
                    return Optional.of("Fargate does not support 'linuxParameters." + parameter + "'.");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean exceedsTimeout(Integer seconds) {
        return seconds != null && seconds > MAX_TIMEOUT_SECONDS;
    }
}
