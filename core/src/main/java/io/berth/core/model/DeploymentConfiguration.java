package io.berth.core.model;

import com.fasterxml.jackson.databind.JsonNode;

/** How a service deploys (ecs-semantics §3.3): the percent bounds, breaker, alarms and strategy. */
public record DeploymentConfiguration(
        DeploymentCircuitBreaker deploymentCircuitBreaker,
        Integer maximumPercent,
        Integer minimumHealthyPercent,
        DeploymentAlarms alarms,
        String strategy,
        Integer bakeTimeInMinutes,
        JsonNode lifecycleHooks,
        JsonNode linearConfiguration,
        JsonNode canaryConfiguration,
        JsonNode earlySuccessCriteria) {
}
