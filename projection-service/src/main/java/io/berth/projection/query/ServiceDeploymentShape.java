package io.berth.projection.query;

import com.fasterxml.jackson.core.type.TypeReference;
import io.berth.core.json.Json;
import io.berth.core.model.DeploymentCircuitBreaker;
import io.berth.core.model.DeploymentConfiguration;
import io.berth.core.scheduling.CircuitBreakerThreshold;
import io.berth.projection.view.ServiceDeploymentArns;
import io.berth.projection.view.ServiceDeploymentView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The ECS shapes of a deployment's history (ecs-semantics §3.5): {@code ServiceDeployment} for
 * DescribeServiceDeployments and {@code ServiceDeploymentBrief} for ListServiceDeployments, built
 * from {@code service_deployments} rows. Only members Berth can fill truthfully are answered: no
 * lifecycle stage, hooks, alarms or traffic weights.
 */
final class ServiceDeploymentShape {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private ServiceDeploymentShape() {
    }

    record ServiceDeployment(String serviceDeploymentArn, String serviceArn, String clusterArn, Instant createdAt,
            Instant startedAt, Instant finishedAt, Instant updatedAt,
            List<ServiceRevisionSummary> sourceServiceRevisions, ServiceRevisionSummary targetServiceRevision,
            String status, String statusReason, DeploymentConfiguration deploymentConfiguration,
            Rollback rollback, CircuitBreaker deploymentCircuitBreaker) {
    }

    record ServiceDeploymentBrief(String serviceDeploymentArn, String serviceArn, String clusterArn,
            Instant startedAt, Instant createdAt, Instant finishedAt, String targetServiceRevisionArn,
            String status, String statusReason) {
    }

    record ServiceRevisionSummary(String arn, int requestedTaskCount, int runningTaskCount, int pendingTaskCount) {
    }

    record Rollback(String reason, Instant startedAt, String serviceRevisionArn) {
    }

    record CircuitBreaker(String status, int failureCount, Integer threshold) {
    }

    static ServiceDeploymentBrief brief(ServiceDeploymentView row) {
        return new ServiceDeploymentBrief(row.serviceDeploymentArn, row.serviceArn, row.clusterArn, row.createdAt,
                row.createdAt, row.finishedAt, ServiceDeploymentArns.revision(row.serviceArn, row.deploymentId),
                row.status, statusReason(row));
    }

    /** The ids of the deployments a row deployed from, empty when unknown. */
    static List<String> sourceIds(ServiceDeploymentView row) {
        return row.sourceDeploymentIds == null ? List.of() : Json.MAPPER.convertValue(
                Json.readTree(row.sourceDeploymentIds), IDS);
    }

    /**
     * The whole shape; {@code sources} holds the rows of the deployments this one deployed from
     * (by ARN), whose revisions show their task counts as they stand.
     */
    static ServiceDeployment full(ServiceDeploymentView row, Map<String, ServiceDeploymentView> sources) {
        DeploymentConfiguration configuration = row.deploymentConfiguration == null ? null
                : Json.read(row.deploymentConfiguration, DeploymentConfiguration.class);
        List<ServiceRevisionSummary> sourceRevisions = row.sourceDeploymentIds == null ? null
                : sourceIds(row).stream()
                        .map(id -> sources.get(ServiceDeploymentArns.deployment(row.serviceArn, id)))
                        .filter(Objects::nonNull)
                        .map(ServiceDeploymentShape::revision)
                        .toList();
        Rollback rollback = row.rollbackTargetId == null ? null : new Rollback(row.rollbackReason,
                row.rollbackStartedAt, ServiceDeploymentArns.revision(row.serviceArn, row.rollbackTargetId));
        Instant updatedAt = Stream.of(row.updatedAt, row.rollbackStartedAt, row.finishedAt)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(row.createdAt);
        return new ServiceDeployment(row.serviceDeploymentArn, row.serviceArn, row.clusterArn, row.createdAt,
                row.createdAt, row.finishedAt, updatedAt, sourceRevisions, revision(row), row.status,
                statusReason(row), configuration, rollback, circuitBreaker(row, configuration));
    }

    private static ServiceRevisionSummary revision(ServiceDeploymentView row) {
        return new ServiceRevisionSummary(ServiceDeploymentArns.revision(row.serviceArn, row.deploymentId),
                row.desiredCount, row.runningCount, row.pendingCount);
    }

    /** The deployment's rolloutStateReason, except for one superseded, whose reason is Berth's own words. */
    private static String statusReason(ServiceDeploymentView row) {
        if (row.supersededBy != null && row.rollbackTargetId == null) {
            return "Superseded by ECS deployment " + row.supersededBy + ".";
        }
        return row.rolloutStateReason;
    }

    /**
     * TRIGGERED if the breaker failed the deployment; DISABLED without a breaker; MONITORING while
     * the deployment is in progress, MONITORING_COMPLETE once it ended otherwise. The threshold is
     * only given for an enabled breaker.
     */
    private static CircuitBreaker circuitBreaker(ServiceDeploymentView row, DeploymentConfiguration configuration) {
        DeploymentCircuitBreaker breaker = configuration == null ? null : configuration.deploymentCircuitBreaker();
        boolean enabled = breaker != null && Boolean.TRUE.equals(breaker.enable());
        String status = row.breakerTripped ? "TRIGGERED"
                : !enabled ? "DISABLED"
                : "IN_PROGRESS".equals(row.status) ? "MONITORING"
                : "MONITORING_COMPLETE";
        return new CircuitBreaker(status, row.failedTasks, enabled
                ? CircuitBreakerThreshold.of(row.desiredCount, breaker.thresholdConfiguration()) : null);
    }
}
