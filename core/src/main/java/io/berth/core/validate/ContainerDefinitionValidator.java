package io.berth.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.json.Json;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.ContainerRestartPolicy;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.LogConfiguration;
import io.berth.core.model.Secret;
import io.berth.core.model.Ulimit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one container definition, and the container as ECS stores it: {@code essential}
 * true and {@code cpu} 0 where omitted, empty lists for omitted port mappings, environment, mount
 * points and volumesFrom, health check and restart policy defaults filled in.
 */
final class ContainerDefinitionValidator {

    static final int MAX_IMAGE_LENGTH = 4096;
    /** Docker 20.10 and later reserve 6 MiB for any container; a smaller hard limit cannot start. */
    static final int MIN_CONTAINER_MEMORY_MIB = 6;
    static final int MIN_TIMEOUT_SECONDS = 2;
    static final int MAX_IGNORED_EXIT_CODES = 50;
    static final int MIN_RESTART_ATTEMPT_PERIOD = 60;
    static final int MAX_RESTART_ATTEMPT_PERIOD = 1800;
    static final int DEFAULT_RESTART_ATTEMPT_PERIOD = 300;

    static final Set<String> LOG_DRIVERS = Set.of("json-file", "syslog", "journald", "gelf", "fluentd", "awslogs",
            "splunk", "awsfirelens", "none");
    static final Set<String> ULIMIT_NAMES = Set.of("core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue",
            "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

    /** What a container's rules need to know of the rest of the task definition. */
    record TaskContext(NetworkMode networkMode, Integer taskMemoryMiB, Set<String> volumeNames,
            Set<String> containerNames) {
    }

    private ContainerDefinitionValidator() {
    }

    static ContainerDefinition validate(ContainerDefinition container, TaskContext task) {
        String name = container.name();
        checkImage(name, container.image());
        checkMemory(name, container.memory(), container.memoryReservation(), task.taskMemoryMiB());
        if (container.cpu() != null && container.cpu() < 0) {
            throw InvalidSetting.of(name, "Invalid 'cpu' " + container.cpu() + ": it cannot be negative.");
        }
        checkLinks(name, container.links(), task);
        checkEnvironment(name, container.environment());
        checkSecrets(name, container.secrets());
        checkVolumesFrom(name, container.volumesFrom(), task.containerNames());
        checkLogConfiguration(name, container.logConfiguration());
        checkUlimits(name, container.ulimits());
        checkTimeout(name, "startTimeout", container.startTimeout());
        checkTimeout(name, "stopTimeout", container.stopTimeout());

        Map<String, Object> normalised = new HashMap<>();
        normalised.put("essential", container.isEssential());
        normalised.put("cpu", container.cpu() == null ? 0 : container.cpu());
        normalised.put("portMappings", PortMappings.normalise(name, container.portMappings(), task.networkMode()));
        normalised.put("environment", container.environment() == null ? List.of() : container.environment());
        normalised.put("mountPoints", Volumes.checkMountPoints(name, container.mountPoints(), task.volumeNames()));
        normalised.put("volumesFrom", container.volumesFrom() == null ? List.of() : container.volumesFrom());
        normalised.put("healthCheck", HealthChecks.normalise(name, container.healthCheck()));
        normalised.put("restartPolicy", restartPolicy(name, container.restartPolicy()));
        return Json.with(container, normalised);
    }

    private static void checkImage(String container, String image) {
        if (image == null || image.isBlank()) {
            throw InvalidSetting.of(container, "'image' is required.");
        }
        if (image.length() > MAX_IMAGE_LENGTH) {
            throw InvalidSetting.of(container, "'image' is " + image.length() + " characters long; at most "
                    + MAX_IMAGE_LENGTH + " are allowed.");
        }
    }

    /**
     * Without task memory each container must say how much it needs; a hard limit must leave room
     * above the soft reservation, and neither may exceed the task's memory.
     */
    private static void checkMemory(String container, Integer memory, Integer reservation, Integer taskMemory) {
        if (memory == null && reservation == null && taskMemory == null) {
            throw InvalidSetting.of(container, "At least one of 'memory' or 'memoryReservation' must be specified.");
        }
        if (memory != null && memory < MIN_CONTAINER_MEMORY_MIB) {
            throw InvalidSetting.of(container, "Invalid 'memory' " + memory + ": give at least "
                    + MIN_CONTAINER_MEMORY_MIB + " MiB.");
        }
        if (reservation != null && reservation < 1) {
            throw InvalidSetting.of(container, "Invalid 'memoryReservation' " + reservation
                    + ": give a positive number of MiB.");
        }
        if (memory != null && reservation != null && memory <= reservation) {
            throw InvalidSetting.of(container, "'memory' (" + memory + " MiB) must be greater than "
                    + "'memoryReservation' (" + reservation + " MiB).");
        }
        if (taskMemory != null && memory != null && memory > taskMemory) {
            throw InvalidSetting.of(container, "'memory' (" + memory + " MiB) is greater than the task's 'memory' ("
                    + taskMemory + " MiB).");
        }
        if (taskMemory != null && reservation != null && reservation > taskMemory) {
            throw InvalidSetting.of(container, "'memoryReservation' (" + reservation + " MiB) is greater than the "
                    + "task's 'memory' (" + taskMemory + " MiB).");
        }
    }

    /** Links are Docker bridge-network aliases {@code name[:alias]} to other containers of the task. */
    private static void checkLinks(String container, List<String> links, TaskContext task) {
        if (links == null || links.isEmpty()) {
            return;
        }
        if (task.networkMode() != NetworkMode.BRIDGE) {
            throw InvalidSetting.of(container, "'links' are only supported with network mode 'bridge', not '"
                    + task.networkMode().wireName() + "'.");
        }
        for (String link : links) {
            String target = link == null ? null : link.split(":", 2)[0];
            if (target == null || target.equals(container) || !task.containerNames().contains(target)) {
                throw InvalidSetting.of(container, "Link '" + link
                        + "' does not name another container of this task definition.");
            }
        }
    }

    private static void checkEnvironment(String container, List<KeyValuePair> environment) {
        if (environment == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (KeyValuePair variable : environment) {
            if (variable == null || variable.name() == null || variable.name().isEmpty()) {
                throw InvalidSetting.of(container, "Environment variable names cannot be empty.");
            }
            if (!names.add(variable.name())) {
                throw InvalidSetting.of(container, "Environment variable '" + variable.name()
                        + "' is given more than once.");
            }
        }
    }

    private static void checkSecrets(String container, List<Secret> secrets) {
        if (secrets == null) {
            return;
        }
        for (Secret secret : secrets) {
            if (secret == null || isBlank(secret.name()) || isBlank(secret.valueFrom())) {
                throw InvalidSetting.of(container, "Each secret needs a 'name' and a 'valueFrom'.");
            }
        }
    }

    private static void checkVolumesFrom(String container, JsonNode volumesFrom, Set<String> containerNames) {
        if (volumesFrom == null) {
            return;
        }
        if (!volumesFrom.isArray()) {
            throw InvalidSetting.of(container, "'volumesFrom' must be a list.");
        }
        for (JsonNode entry : volumesFrom) {
            String source = entry.path("sourceContainer").isTextual() ? entry.get("sourceContainer").asText() : null;
            if (source == null || source.equals(container) || !containerNames.contains(source)) {
                throw InvalidSetting.of(container, "'volumesFrom' 'sourceContainer' '" + source
                        + "' is not another container of this task definition.");
            }
        }
    }

    private static void checkLogConfiguration(String container, LogConfiguration log) {
        if (log == null) {
            return;
        }
        if (log.logDriver() == null) {
            throw InvalidSetting.of(container, "'logConfiguration.logDriver' is required.");
        }
        if (!LOG_DRIVERS.contains(log.logDriver())) {
            throw InvalidSetting.unknownValue(container, "Invalid 'logConfiguration.logDriver' '" + log.logDriver()
                    + "': use json-file, syslog, journald, gelf, fluentd, awslogs, splunk, awsfirelens or none.");
        }
    }

    private static void checkUlimits(String container, List<Ulimit> ulimits) {
        if (ulimits == null) {
            return;
        }
        for (Ulimit ulimit : ulimits) {
            if (ulimit == null || ulimit.name() == null || !ULIMIT_NAMES.contains(ulimit.name())) {
                throw InvalidSetting.unknownValue(container, "Invalid ulimit 'name' '"
                        + (ulimit == null ? null : ulimit.name()) + "': use one of " + String.join(", ",
                        ULIMIT_NAMES.stream().sorted().toList()) + ".");
            }
            if (ulimit.softLimit() == null || ulimit.hardLimit() == null) {
                throw InvalidSetting.of(container, "Ulimit '" + ulimit.name()
                        + "' needs both 'softLimit' and 'hardLimit'.");
            }
            if (ulimit.softLimit() > ulimit.hardLimit()) {
                throw InvalidSetting.of(container, "Ulimit '" + ulimit.name() + "' has 'softLimit' "
                        + ulimit.softLimit() + " above 'hardLimit' " + ulimit.hardLimit() + ".");
            }
        }
    }

    private static void checkTimeout(String container, String field, Integer seconds) {
        if (seconds != null && seconds < MIN_TIMEOUT_SECONDS) {
            throw InvalidSetting.of(container, "Invalid '" + field + "' " + seconds + ": give at least "
                    + MIN_TIMEOUT_SECONDS + " seconds.");
        }
    }

    /** ECS shows the 300-second attempt period on an enabled policy that omits it. */
    private static ContainerRestartPolicy restartPolicy(String container, ContainerRestartPolicy policy) {
        if (policy == null) {
            return null;
        }
        if (policy.enabled() == null) {
            throw InvalidSetting.of(container, "'restartPolicy.enabled' is required.");
        }
        if (policy.ignoredExitCodes() != null && policy.ignoredExitCodes().size() > MAX_IGNORED_EXIT_CODES) {
            throw InvalidSetting.of(container, "'restartPolicy.ignoredExitCodes' lists "
                    + policy.ignoredExitCodes().size() + " exit codes; at most " + MAX_IGNORED_EXIT_CODES
                    + " are allowed.");
        }
        Integer period = policy.restartAttemptPeriod();
        if (period != null && (period < MIN_RESTART_ATTEMPT_PERIOD || period > MAX_RESTART_ATTEMPT_PERIOD)) {
            throw InvalidSetting.of(container, "Invalid 'restartPolicy.restartAttemptPeriod' " + period + ": use "
                    + MIN_RESTART_ATTEMPT_PERIOD + " to " + MAX_RESTART_ATTEMPT_PERIOD + " seconds.");
        }
        if (period == null && policy.enabled()) {
            period = DEFAULT_RESTART_ATTEMPT_PERIOD;
        }
        return new ContainerRestartPolicy(policy.enabled(), policy.ignoredExitCodes(), period);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
