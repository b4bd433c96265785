package io.berth.core.model;

import java.util.List;

/** CloudWatch alarms that fail a deployment (ecs-semantics §5.4). */
public record DeploymentAlarms(List<String> alarmNames, Boolean rollback, Boolean enable) {
}
