-- The history of every deployment of every service (ListServiceDeployments,
-- DescribeServiceDeployments): one row per deployment ever seen in a service's deployments[],
-- kept after the deployment leaves that list; deleted only by its cluster's BoundaryReset.
--
-- The columns are facts read off the service events, each merged by a rule that does not depend
-- on where a batch was cut (see ServiceDeploymentRow): the latest value, the first value, or the
-- latest value seen while PRIMARY. The ECS status and finishedAt follow from those facts alone,
-- so they are generated here, in one place, for both the writes and the status filter.
CREATE TABLE service_deployments (
    service_deployment_arn   text COLLATE "C" PRIMARY KEY,
    account                  text COLLATE "C" NOT NULL,
    region                   text COLLATE "C" NOT NULL,
    cluster_arn              text COLLATE "C" NOT NULL,
    service_arn              text COLLATE "C" NOT NULL,
    -- ecs-svc/<digits>, as in deployments[]
    deployment_id            text COLLATE "C" NOT NULL,
    boundary_key             text COLLATE "C" NOT NULL,
    task_definition          text COLLATE "C",
    desired_count            integer          NOT NULL,
    -- zero once the deployment has left deployments[] (it owns no task then)
    running_count            integer          NOT NULL,
    pending_count            integer          NOT NULL,
    failed_tasks             integer          NOT NULL,
    created_at               timestamptz      NOT NULL,
    -- the deployment's own updatedAt, as last seen
    updated_at               timestamptz,
    rollout_state            text COLLATE "C" NOT NULL,
    rollout_state_reason     text,
    -- the service's deploymentConfiguration the last time this deployment was PRIMARY
    deployment_configuration jsonb,
    -- the other deployments listed when this one was first seen (its source revisions)
    source_deployment_ids    text[],
    -- when it was last seen IN_PROGRESS, and first seen COMPLETED after that
    in_progress_seen_at      timestamptz,
    completed_at             timestamptz,
    -- when it was first seen FAILED
    failed_at                timestamptz,
    -- when it was first seen IN_PROGRESS but no longer PRIMARY, and the PRIMARY that replaced it
    superseded_at            timestamptz,
    superseded_by            text COLLATE "C",
    -- it failed by the circuit breaker
    breaker_tripped          boolean          NOT NULL,
    -- a deployment rolled back: to which deployment, why, when; and how that target ended
    rollback_target_id       text COLLATE "C",
    rollback_reason          text,
    rollback_started_at      timestamptz,
    rollback_outcome         text COLLATE "C",
    rollback_finished_at     timestamptz,
    status                   text COLLATE "C" NOT NULL GENERATED ALWAYS AS (
        CASE
            WHEN rollback_target_id IS NOT NULL THEN
                CASE rollback_outcome
                    WHEN 'SUCCESSFUL' THEN 'ROLLBACK_SUCCESSFUL'
                    WHEN 'FAILED' THEN 'ROLLBACK_FAILED'
                    ELSE 'ROLLBACK_IN_PROGRESS'
                END
            WHEN superseded_at IS NOT NULL OR rollout_state = 'FAILED' THEN 'STOPPED'
            WHEN rollout_state = 'COMPLETED' THEN 'SUCCESSFUL'
            ELSE 'IN_PROGRESS'
        END) STORED,
    finished_at              timestamptz GENERATED ALWAYS AS (
        CASE
            WHEN rollback_target_id IS NOT NULL THEN rollback_finished_at
            WHEN superseded_at IS NOT NULL THEN superseded_at
            WHEN rollout_state = 'FAILED' THEN failed_at
            WHEN rollout_state = 'COMPLETED' THEN completed_at
        END) STORED
);
-- ListServiceDeployments pages through one service's deployments, newest first.
CREATE INDEX service_deployments_by_service ON service_deployments (service_arn, created_at, service_deployment_arn);
CREATE INDEX service_deployments_by_boundary ON service_deployments (boundary_key);
-- Every service event looks for the rollbacks it ends and for listed deployments that left:
-- both are few, so each has a small partial index.
CREATE INDEX rollbacks_in_progress ON service_deployments (service_arn, rollback_target_id)
    WHERE rollback_target_id IS NOT NULL AND rollback_outcome IS NULL;
CREATE INDEX deployments_with_tasks ON service_deployments (service_arn)
    WHERE running_count <> 0 OR pending_count <> 0;
