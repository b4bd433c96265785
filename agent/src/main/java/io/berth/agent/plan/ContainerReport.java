package io.berth.agent.plan;

import io.berth.core.model.NetworkBinding;
import io.berth.core.model.NetworkInterface;
import java.util.List;

/** One container's state as the agent reports it: PENDING, RUNNING or STOPPED. */
public record ContainerReport(String containerName, String status, Integer exitCode, String reason,
        String runtimeId, List<NetworkBinding> networkBindings, String healthStatus,
        List<NetworkInterface> networkInterfaces) {
}
