package io.berth.core.model;

import java.util.List;

/**
 * One container's part of a task state change, as the agent reports it. Beyond ECS's shape it
 * carries the container's health and, for awsvpc tasks, its network interfaces.
 */
public record ContainerStateChange(String containerName, String imageDigest, String runtimeId, Integer exitCode,
        List<NetworkBinding> networkBindings, String reason, String status, String healthStatus,
        List<NetworkInterface> networkInterfaces) {
}
