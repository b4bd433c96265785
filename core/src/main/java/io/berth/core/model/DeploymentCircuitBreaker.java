package io.berth.core.model;

/** The deployment circuit breaker (ecs-semantics §5.3). */
public record DeploymentCircuitBreaker(Boolean enable, Boolean rollback, Boolean resetOnHealthyTask,
        ThresholdConfiguration thresholdConfiguration) {
}
