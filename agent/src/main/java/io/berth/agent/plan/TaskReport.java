package io.berth.agent.plan;

import java.util.List;

/** A task's state as the agent reports it to the control plane (SubmitTaskStateChange). */
public record TaskReport(String status, String reason, List<ContainerReport> containers) {
}
