package io.berth.projection.apply;

import io.berth.core.model.Deployment;
import io.berth.core.model.DeploymentConfiguration;
import java.time.Instant;
import java.util.List;

/**
 * A row of {@code service_deployments} (V4): what the service events have said about one
 * deployment. A single observation gives a row ({@link #observed}); rows combine with
 * {@link #then}, whose rules are the table's upsert rules and are associative — the latest value,
 * the first value, the latest one seen while PRIMARY — so folding a batch and then merging it
 * into the stored row gives the row of applying the events one by one, wherever the batch was cut.
 *
 * <p>The one fact that comes from another deployment's events is how a rollback ended: it is set
 * by {@link #resolved} when the rollback's target completes or fails, in the batch or, for rows
 * stored before it, by {@code ViewSql.END_ROLLBACKS}.
 */
record ServiceDeploymentRow(
        String serviceDeploymentArn,
        String account,
        String region,
        String clusterArn,
        String serviceArn,
        String deploymentId,
        String boundaryKey,
        String taskDefinition,
        int desiredCount,
        int runningCount,
        int pendingCount,
        int failedTasks,
        Instant createdAt,
        Instant updatedAt,
        String rolloutState,
        String rolloutStateReason,
        DeploymentConfiguration deploymentConfiguration,
        List<String> sourceDeploymentIds,
        Instant inProgressSeenAt,
        Instant completedAt,
        Instant failedAt,
        Instant supersededAt,
        String supersededBy,
        boolean breakerTripped,
        String rollbackTargetId,
        String rollbackReason,
        Instant rollbackStartedAt,
        String rollbackOutcome,
        Instant rollbackFinishedAt) {

    /** How a rollback ended, from its target: SUCCESSFUL when the target completed, else FAILED. */
    static final String SUCCESSFUL = "SUCCESSFUL";
    static final String FAILED = "FAILED";

    private static final String BREAKER_REASON_PREFIX = "ECS deployment circuit breaker:";

    /** What one event at {@code at} says about one of the service's listed deployments. */
    record Observation(String serviceDeploymentArn, String account, String region, String clusterArn,
            String serviceArn, String boundaryKey, Deployment deployment, Instant at,
            DeploymentConfiguration serviceConfiguration, String primaryId, List<String> otherIds,
            String rollbackTargetId) {
    }

    static ServiceDeploymentRow observed(Observation o) {
        Deployment d = o.deployment();
        boolean primary = d.isPrimary();
        boolean inProgress = Deployment.IN_PROGRESS.equals(d.rolloutState());
        boolean failed = Deployment.FAILED.equals(d.rolloutState());
        boolean superseded = inProgress && !primary;
        boolean rolledBack = o.rollbackTargetId() != null;
        return new ServiceDeploymentRow(o.serviceDeploymentArn(), o.account(), o.region(), o.clusterArn(),
                o.serviceArn(), d.id(), o.boundaryKey(), d.taskDefinition(), d.desiredCount(), d.runningCount(),
                d.pendingCount(), d.failedTasks(), d.createdAt(), d.updatedAt(), d.rolloutState(),
                d.rolloutStateReason(),
                primary ? o.serviceConfiguration() : null,
                primary ? o.otherIds() : null,
                inProgress ? o.at() : null,
                Deployment.COMPLETED.equals(d.rolloutState()) ? o.at() : null,
                failed ? o.at() : null,
                superseded ? o.at() : null,
                superseded ? o.primaryId() : null,
                failed && d.rolloutStateReason() != null && d.rolloutStateReason().startsWith(BREAKER_REASON_PREFIX),
                o.rollbackTargetId(),
                rolledBack ? d.rolloutStateReason() : null,
                rolledBack ? o.at() : null,
                null,
                null);
    }

    /**
     * This row followed by a later one (the same rules as {@code ViewSql.UPSERT_SERVICE_DEPLOYMENTS}):
     * a COMPLETED seen after the last IN_PROGRESS is when the deployment completed; a rollback, a
     * failure and being superseded happen once, so the first sighting counts.
     */
    ServiceDeploymentRow then(ServiceDeploymentRow later) {
        boolean rollbackKnown = rollbackTargetId != null;
        return new ServiceDeploymentRow(later.serviceDeploymentArn, later.account, later.region, later.clusterArn,
                later.serviceArn, later.deploymentId, later.boundaryKey, later.taskDefinition, later.desiredCount,
                later.runningCount, later.pendingCount, later.failedTasks, later.createdAt, later.updatedAt,
                later.rolloutState, later.rolloutStateReason,
                firstNonNull(later.deploymentConfiguration, deploymentConfiguration),
                firstNonNull(sourceDeploymentIds, later.sourceDeploymentIds),
                firstNonNull(later.inProgressSeenAt, inProgressSeenAt),
                later.inProgressSeenAt != null ? later.completedAt : firstNonNull(completedAt, later.completedAt),
                firstNonNull(failedAt, later.failedAt),
                firstNonNull(supersededAt, later.supersededAt),
                firstNonNull(supersededBy, later.supersededBy),
                breakerTripped || later.breakerTripped,
                rollbackKnown ? rollbackTargetId : later.rollbackTargetId,
                rollbackKnown ? rollbackReason : later.rollbackReason,
                rollbackKnown ? rollbackStartedAt : later.rollbackStartedAt,
                rollbackOutcome != null ? rollbackOutcome : later.rollbackOutcome,
                rollbackOutcome != null ? rollbackFinishedAt : later.rollbackFinishedAt);
    }

    /** Whether this row waits for {@code targetId} to end its rollback. */
    boolean awaitsRollbackTo(String targetId) {
        return targetId.equals(rollbackTargetId) && rollbackOutcome == null;
    }

    /** The rollback ended at {@code at}: {@link #SUCCESSFUL} or {@link #FAILED}. */
    ServiceDeploymentRow resolved(String outcome, Instant at) {
        return new ServiceDeploymentRow(serviceDeploymentArn, account, region, clusterArn, serviceArn, deploymentId,
                boundaryKey, taskDefinition, desiredCount, runningCount, pendingCount, failedTasks, createdAt,
                updatedAt, rolloutState, rolloutStateReason, deploymentConfiguration, sourceDeploymentIds,
                inProgressSeenAt, completedAt, failedAt, supersededAt, supersededBy, breakerTripped,
                rollbackTargetId, rollbackReason, rollbackStartedAt, outcome, at);
    }

    /** No longer in deployments[]: it owns no task any more. */
    ServiceDeploymentRow unlisted() {
        return new ServiceDeploymentRow(serviceDeploymentArn, account, region, clusterArn, serviceArn, deploymentId,
                boundaryKey, taskDefinition, desiredCount, 0, 0, failedTasks, createdAt, updatedAt, rolloutState,
                rolloutStateReason, deploymentConfiguration, sourceDeploymentIds, inProgressSeenAt, completedAt,
                failedAt, supersededAt, supersededBy, breakerTripped, rollbackTargetId, rollbackReason,
                rollbackStartedAt, rollbackOutcome, rollbackFinishedAt);
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
