package io.berth.core.model;

import java.util.List;

/** A container health check; ECS fills in interval 30, timeout 5 and retries 3 when omitted. */
public record HealthCheck(List<String> command, Integer interval, Integer timeout, Integer retries, Integer startPeriod) {
}
