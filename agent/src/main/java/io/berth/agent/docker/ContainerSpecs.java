package io.berth.agent.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.MountPoint;
import io.berth.core.model.PortMapping;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.Ulimit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container definition becomes a Docker container (ecs-semantics §3.2, §4.3): command,
 * entry point, environment, working directory and user as given; {@code cpu} as CPU shares,
 * {@code memory} as the hard limit and {@code memoryReservation} as the soft one; port mappings by
 * network mode (bridge: static or dynamic host ports; host: the host's network; awsvpc: the
 * task's own network namespace; none: no network); host and Docker volumes; ulimits; the health
 * check as Docker's. Image HEALTHCHECKs are not used: ECS ignores them.
 */
public final class ContainerSpecs {

    private static final long MIB = 1024L * 1024L;
    private static final long SECOND_NANOS = 1_000_000_000L;

    private ContainerSpecs() {
    }

    /** The Docker name of a task container: unique per task, readable in {@code docker ps}. */
    public static String dockerName(Task task, String containerName) {
        return "berth-" + task.id() + "-" + containerName;
    }

    public static CreateContainerCmd configure(CreateContainerCmd cmd, String agentName, Task task,
            TaskDefinition definition, ContainerDefinition container, String networkContainerId) {
        Map<String, String> labels = new HashMap<>();
        if (container.dockerLabels() != null) {
            labels.putAll(container.dockerLabels());
        }
        labels.put(Labels.AGENT, agentName);
        labels.put(Labels.CLUSTER, task.clusterArn());
        labels.put(Labels.TASK_ARN, task.taskArn());
        labels.put(Labels.CONTAINER_NAME, container.name());
        cmd.withName(dockerName(task, container.name())).withLabels(labels);
        if (container.command() != null) {
            cmd.withCmd(container.command());
        }
        if (container.entryPoint() != null) {
            cmd.withEntrypoint(container.entryPoint());
        }
        if (container.environment() != null) {
            cmd.withEnv(container.environment().stream().map(e -> e.name() + "=" + value(e)).toList());
        }
        if (container.workingDirectory() != null) {
            cmd.withWorkingDir(container.workingDirectory());
        }
        if (container.user() != null) {
            cmd.withUser(container.user());
        }
        if (container.hostname() != null) {
            cmd.withHostName(container.hostname());
        }
        cmd.withHealthcheck(healthCheck(container));

        String mode = definition.networkMode() == null ? "bridge" : definition.networkMode();
        HostConfig host = HostConfig.newHostConfig()
                .withCpuShares(Math.max(2, container.cpu() == null ? 0 : container.cpu()))
                .withPrivileged(Boolean.TRUE.equals(container.privileged()))
                .withReadonlyRootfs(Boolean.TRUE.equals(container.readonlyRootFilesystem()));
        if (container.memory() != null) {
            host.withMemory(container.memory() * MIB);
        }
        if (container.memoryReservation() != null) {
            host.withMemoryReservation(container.memoryReservation() * MIB);
        }
        switch (mode) {
            case "host" -> host.withNetworkMode("host");
            case "none" -> host.withNetworkMode("none");
            case "awsvpc" -> host.withNetworkMode("container:" + networkContainerId);
            default -> {
                host.withNetworkMode("bridge");
                List<ExposedPort> exposed = new ArrayList<>();
                Ports ports = new Ports();
                for (PortMapping mapping : container.portMappings() == null ? List.<PortMapping>of()
                        : container.portMappings()) {
                    if (mapping.containerPort() == null) {
                        continue;
                    }
                    ExposedPort port = new ExposedPort(mapping.containerPort(),
                            InternetProtocol.parse(mapping.protocol() == null ? "tcp" : mapping.protocol()));
                    exposed.add(port);
                    Integer hostPort = mapping.hostPort();
                    ports.add(new PortBinding(hostPort == null || hostPort == 0 ? Ports.Binding.empty()
                            : Ports.Binding.bindPort(hostPort), port));
                }
                cmd.withExposedPorts(exposed);
                host.withPortBindings(ports);
            }
        }
        volumes(cmd, host, task, definition, container);
        if (container.ulimits() != null) {
            host.withUlimits(container.ulimits().stream()
                    .map(u -> new com.github.dockerjava.api.model.Ulimit(u.name(), (long) softLimit(u),
                            (long) u.hardLimit()))
                    .toList());
        }
        if (container.dnsServers() != null) {
            host.withDns(container.dnsServers());
        }
        return cmd.withHostConfig(host);
    }

    private static int softLimit(Ulimit u) {
        return u.softLimit() == null ? u.hardLimit() : u.softLimit();
    }

    private static String value(KeyValuePair pair) {
        return pair.value() == null ? "" : pair.value();
    }

    /** ECS health check → Docker health check; none → Docker's NONE, so an image's own check is ignored. */
    static HealthCheck healthCheck(ContainerDefinition container) {
        io.berth.core.model.HealthCheck check = container.healthCheck();
        if (check == null) {
            return new HealthCheck().withTest(List.of("NONE"));
        }
        HealthCheck docker = new HealthCheck().withTest(check.command())
                .withInterval(seconds(check.interval(), 30))
                .withTimeout(seconds(check.timeout(), 5))
                .withRetries(check.retries() == null ? 3 : check.retries());
        if (check.startPeriod() != null) {
            docker.withStartPeriod(seconds(check.startPeriod(), 0));
        }
        return docker;
    }

    private static long seconds(Integer value, int otherwise) {
        return (value == null ? otherwise : value) * SECOND_NANOS;
    }

    /**
     * Host-path volumes become bind mounts; other named volumes become Docker volumes, scoped to
     * the task (named after it) unless their configuration says {@code shared}.
     */
    private static void volumes(CreateContainerCmd cmd, HostConfig host, Task task, TaskDefinition definition,
            ContainerDefinition container) {
        if (container.mountPoints() == null || container.mountPoints().isEmpty()) {
            return;
        }
        List<Bind> binds = new ArrayList<>();
        List<Volume> declared = new ArrayList<>();
        for (MountPoint mount : container.mountPoints()) {
            io.berth.core.model.Volume volume = definition.volumes() == null ? null : definition.volumes().stream()
                    .filter(v -> v.name().equals(mount.sourceVolume())).findFirst().orElse(null);
            if (volume == null) {
                continue;
            }
            Volume target = new Volume(mount.containerPath());
            declared.add(target);
            String source;
            if (volume.host() != null && volume.host().sourcePath() != null) {
                source = volume.host().sourcePath();
            } else {
                boolean shared = volume.dockerVolumeConfiguration() != null
                        && "shared".equals(volume.dockerVolumeConfiguration().path("scope").asText());
                source = shared ? volume.name() : "berth-" + task.id() + "-" + volume.name();
            }
            binds.add(new Bind(source, target, Boolean.TRUE.equals(mount.readOnly()) ? AccessMode.ro : AccessMode.rw));
        }
        cmd.withVolumes(declared);
        host.withBinds(binds);
    }
}
