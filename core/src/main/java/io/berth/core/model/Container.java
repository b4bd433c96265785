package io.berth.core.model;

import java.util.List;

/** A container of a task as DescribeTasks shows it. */
public record Container(
        String containerArn,
        String taskArn,
        String name,
        String image,
        String imageDigest,
        String runtimeId,
        String lastStatus,
        Integer exitCode,
        String reason,
        List<NetworkBinding> networkBindings,
        List<NetworkInterface> networkInterfaces,
        String healthStatus,
        String cpu,
        String memory,
        String memoryReservation) {
}
