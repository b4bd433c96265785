package io.berth.core.scheduling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.error.EcsError;
import java.util.List;

/**
 * What an UpdateService would do, without doing it: the service as UpdateService would answer,
 * then the rolling deployment's steps — assuming every task it starts turns healthy at once and
 * every task it stops stops at once — and how it ends. A rejected update carries only the
 * {@code error}.
 *
 * @param service the service as UpdateService would answer it
 * @param steps the scheduler's rounds that start or stop tasks, in order
 * @param outcome how the deployment ends: it completes after these steps, or it stops moving
 * @param message why it is blocked: the service event message the scheduler gives (null when it completes)
 */
public record DeploymentDryRunResult(EcsError error, JsonNode service, List<Step> steps, Outcome outcome,
        String message) {

    public enum Outcome {
        /** The service settles: one COMPLETED deployment running its desired count, nothing left to start or stop. */
        COMPLETES,
        /** A round starts and stops nothing and the service is not settled: the deployment waits for a change. */
        BLOCKED,
        /** Still starting or stopping tasks after the most rounds a dry run simulates. */
        UNFINISHED
    }

    /** One round of the scheduler that starts or stops tasks, and the RUNNING tasks of each deployment after it. */
    public record Step(int step, List<Started> started, List<Stopped> stopped, List<Running> running) {

        public Step {
            started = List.copyOf(started);
            stopped = List.copyOf(stopped);
            running = List.copyOf(running);
        }
    }

    /** The tasks a step starts for one deployment, each with the container instance it is placed on. */
    public record Started(String deploymentId, String taskDefinitionArn, int count, List<Placement> placements) {

        public Started {
            placements = List.copyOf(placements);
        }
    }

    public record Placement(String containerInstanceArn, String availabilityZone) {
    }

    /**
     * A task a step stops. {@code simulated} is true for a task that an earlier step of this dry
     * run started (its ARN exists only here), absent for a task that runs now.
     */
    public record Stopped(String taskArn, String deploymentId, String reason, Boolean simulated) {
    }

    /** A deployment of the service after a step, and how many of its tasks are RUNNING. */
    public record Running(String deploymentId, String status, String taskDefinitionArn, int runningCount) {
    }

    public DeploymentDryRunResult {
        steps = steps == null ? null : List.copyOf(steps);
    }

    public static DeploymentDryRunResult rejected(EcsError error) {
        return new DeploymentDryRunResult(error, null, null, null, null);
    }

    @JsonIgnore
    public boolean isRejected() {
        return error != null;
    }
}
