package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code service_deployments}: one deployment of a service, as its history left it. */
@Entity
@Immutable
@Table(name = "service_deployments")
public class ServiceDeploymentView extends PanacheEntityBase {

    @Id
    @Column(name = "service_deployment_arn")
    public String serviceDeploymentArn;

    public String account;

    public String region;

    @Column(name = "cluster_arn")
    public String clusterArn;

    @Column(name = "service_arn")
    public String serviceArn;

    @Column(name = "deployment_id")
    public String deploymentId;

    @Column(name = "desired_count")
    public int desiredCount;

    @Column(name = "running_count")
    public int runningCount;

    @Column(name = "pending_count")
    public int pendingCount;

    @Column(name = "failed_tasks")
    public int failedTasks;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "rollout_state_reason")
    public String rolloutStateReason;

    /** The deploymentConfiguration JSON, or null. */
    @Column(name = "deployment_configuration")
    @ColumnTransformer(read = "cast(deployment_configuration as text)")
    public String deploymentConfiguration;

    /** The source deployments' ids as a JSON array, or null when unknown. */
    @Column(name = "source_deployment_ids")
    @ColumnTransformer(read = "cast(array_to_json(source_deployment_ids) as text)")
    public String sourceDeploymentIds;

    @Column(name = "superseded_by")
    public String supersededBy;

    @Column(name = "breaker_tripped")
    public boolean breakerTripped;

    @Column(name = "rollback_target_id")
    public String rollbackTargetId;

    @Column(name = "rollback_reason")
    public String rollbackReason;

    @Column(name = "rollback_started_at")
    public Instant rollbackStartedAt;

    /** ECS's ServiceDeployment status, generated from the facts above. */
    public String status;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
