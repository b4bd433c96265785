package io.berth.projection.apply;

import com.fasterxml.jackson.core.JsonGenerator;
import io.berth.core.model.Reservation;
import io.berth.core.model.Tag;
import io.berth.core.model.Task;
import io.berth.projection.apply.ServiceDeploymentChanges.Listing;
import io.berth.projection.apply.ServiceDeploymentChanges.RollbackEnd;
import io.berth.projection.apply.ViewRows.AuditRow;
import io.berth.projection.apply.ViewRows.ClusterRow;
import io.berth.projection.apply.ViewRows.ContainerInstanceRow;
import io.berth.projection.apply.ViewRows.ServiceEventRow;
import io.berth.projection.apply.ViewRows.ServiceRow;
import io.berth.projection.apply.ViewRows.TagSet;
import io.berth.projection.apply.ViewRows.TaskDefinitionRow;
import io.berth.projection.apply.ViewRows.TaskRow;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statements that write a {@link ViewChanges} in order: boundary resets first, then the
 * events[] windows of re-created services and the expired tasks, upserts (the deployment history's
 * between ending the stored rollbacks the batch ended and clearing the counts of deployments no
 * longer listed), tag sets, new events[] entries and their trimming to the newest 100, audit rows, and last the
 * partitions' next offsets
 * ({@link OffsetSql}). Parameters are text and cast in SQL: {@code CAST(CAST(?1 AS text) AS jsonb)}
 * makes PostgreSQL parse a JSON array of rows (a parameter typed jsonb would be bound as a JSON
 * string scalar), and {@code CAST(CAST(?n AS text) AS integer[])} an array literal of one column.
 */
public final class ViewSql {

    private static final String JSON_PARAMETER = JsonParameter.FIRST;

    /** A list of keys as an array literal; {@code = ANY} of it lets the planner use the key's index. */
    private static final String KEYS_PARAMETER = "CAST(CAST(?1 AS text) AS text[])";

    static final String RESET_BOUNDARIES = """
            WITH c AS (DELETE FROM clusters WHERE boundary_key = ANY (%1$s)),
                 t AS (DELETE FROM task_definitions WHERE boundary_key = ANY (%1$s)),
                 s AS (DELETE FROM services WHERE boundary_key = ANY (%1$s)),
                 e AS (DELETE FROM service_events WHERE boundary_key = ANY (%1$s)),
                 i AS (DELETE FROM container_instances WHERE boundary_key = ANY (%1$s)),
                 k AS (DELETE FROM tasks WHERE boundary_key = ANY (%1$s)),
                 d AS (DELETE FROM service_deployments WHERE boundary_key = ANY (%1$s))
            DELETE FROM tags WHERE boundary_key = ANY (%1$s)
            """.formatted(KEYS_PARAMETER);

    static final String CLEAR_SERVICE_EVENTS = """
            DELETE FROM service_events WHERE service_arn = ANY (%s)
            """.formatted(KEYS_PARAMETER);

    static final String CLEAR_SERVICE_DEPLOYMENTS = """
            DELETE FROM service_deployments WHERE service_arn = ANY (%s)
            """.formatted(KEYS_PARAMETER);

    static final String UPSERT_CLUSTERS = """
            INSERT INTO clusters (cluster_arn, account, region, cluster_name, status, boundary_key, document)
            SELECT r.cluster_arn, r.account, r.region, r.cluster_name, r.status, r.boundary_key, r.document
            FROM jsonb_to_recordset(%s) AS r(cluster_arn text, account text, region text, cluster_name text,
                 status text, boundary_key text, document jsonb)
            ON CONFLICT (cluster_arn) DO UPDATE SET account = EXCLUDED.account, region = EXCLUDED.region,
                 cluster_name = EXCLUDED.cluster_name, status = EXCLUDED.status,
                 boundary_key = EXCLUDED.boundary_key, document = EXCLUDED.document
            """.formatted(JSON_PARAMETER);

    static final String UPSERT_TASK_DEFINITIONS = """
            INSERT INTO task_definitions (task_definition_arn, account, region, family, revision, status,
                 boundary_key, document)
            SELECT r.task_definition_arn, r.account, r.region, r.family, r.revision, r.status, r.boundary_key,
                 r.document
            FROM jsonb_to_recordset(%s) AS r(task_definition_arn text, account text, region text, family text,
                 revision integer, status text, boundary_key text, document jsonb)
            ON CONFLICT (task_definition_arn) DO UPDATE SET account = EXCLUDED.account, region = EXCLUDED.region,
                 family = EXCLUDED.family, revision = EXCLUDED.revision, status = EXCLUDED.status,
                 boundary_key = EXCLUDED.boundary_key, document = EXCLUDED.document
            """.formatted(JSON_PARAMETER);

    static final String UPSERT_SERVICES = """
            INSERT INTO services (service_arn, account, region, cluster_name, service_name, status, launch_type,
                 scheduling_strategy, boundary_key, document)
            SELECT r.service_arn, r.account, r.region, r.cluster_name, r.service_name, r.status, r.launch_type,
                 r.scheduling_strategy, r.boundary_key, r.document
            FROM jsonb_to_recordset(%s) AS r(service_arn text, account text, region text, cluster_name text,
                 service_name text, status text, launch_type text, scheduling_strategy text, boundary_key text,
                 document jsonb)
            ON CONFLICT (service_arn) DO UPDATE SET account = EXCLUDED.account, region = EXCLUDED.region,
                 cluster_name = EXCLUDED.cluster_name, service_name = EXCLUDED.service_name,
                 status = EXCLUDED.status, launch_type = EXCLUDED.launch_type,
                 scheduling_strategy = EXCLUDED.scheduling_strategy, boundary_key = EXCLUDED.boundary_key,
                 document = EXCLUDED.document
            """.formatted(JSON_PARAMETER);

    static final String EXPIRE_TASKS = """
            DELETE FROM tasks WHERE task_arn = ANY (%s)
            """.formatted(KEYS_PARAMETER);

    static final String UPSERT_CONTAINER_INSTANCES = """
            INSERT INTO container_instances (container_instance_arn, account, region, cluster_arn, status,
                 registered_cpu, registered_memory, boundary_key, document)
            SELECT r.container_instance_arn, r.account, r.region, r.cluster_arn, r.status, r.registered_cpu,
                 r.registered_memory, r.boundary_key, r.document
            FROM jsonb_to_recordset(%s) AS r(container_instance_arn text, account text, region text,
                 cluster_arn text, status text, registered_cpu integer, registered_memory integer,
                 boundary_key text, document jsonb)
            ON CONFLICT (container_instance_arn) DO UPDATE SET account = EXCLUDED.account,
                 region = EXCLUDED.region, cluster_arn = EXCLUDED.cluster_arn, status = EXCLUDED.status,
                 registered_cpu = EXCLUDED.registered_cpu, registered_memory = EXCLUDED.registered_memory,
                 boundary_key = EXCLUDED.boundary_key, document = EXCLUDED.document
            """.formatted(JSON_PARAMETER);

    /** A row without a reservation (only TaskChanged in its batch) keeps the stored one. */
    static final String UPSERT_TASKS = """
            INSERT INTO tasks (task_arn, account, region, cluster_arn, container_instance_arn, family, started_by,
                 task_group, service_name, desired_status, last_status, launch_type, stopped_at, reserved_cpu,
                 reserved_memory, reserved_tcp_ports, reserved_udp_ports, boundary_key, document)
            SELECT r.task_arn, r.account, r.region, r.cluster_arn, r.container_instance_arn, r.family, r.started_by,
                 r.task_group, r.service_name, r.desired_status, r.last_status, r.launch_type, r.stopped_at,
                 r.reserved_cpu, r.reserved_memory, r.reserved_tcp_ports, r.reserved_udp_ports, r.boundary_key,
                 r.document
            FROM jsonb_to_recordset(%s) AS r(task_arn text, account text, region text, cluster_arn text,
                 container_instance_arn text, family text, started_by text, task_group text, service_name text,
                 desired_status text, last_status text, launch_type text, stopped_at timestamptz,
                 reserved_cpu integer, reserved_memory integer, reserved_tcp_ports integer[],
                 reserved_udp_ports integer[], boundary_key text, document jsonb)
            ON CONFLICT (task_arn) DO UPDATE SET account = EXCLUDED.account, region = EXCLUDED.region,
                 cluster_arn = EXCLUDED.cluster_arn, container_instance_arn = EXCLUDED.container_instance_arn,
                 family = EXCLUDED.family, started_by = EXCLUDED.started_by, task_group = EXCLUDED.task_group,
                 service_name = EXCLUDED.service_name, desired_status = EXCLUDED.desired_status,
                 last_status = EXCLUDED.last_status, launch_type = EXCLUDED.launch_type,
                 stopped_at = EXCLUDED.stopped_at,
                 reserved_cpu = coalesce(EXCLUDED.reserved_cpu, tasks.reserved_cpu),
                 reserved_memory = coalesce(EXCLUDED.reserved_memory, tasks.reserved_memory),
                 reserved_tcp_ports = coalesce(EXCLUDED.reserved_tcp_ports, tasks.reserved_tcp_ports),
                 reserved_udp_ports = coalesce(EXCLUDED.reserved_udp_ports, tasks.reserved_udp_ports),
                 boundary_key = EXCLUDED.boundary_key, document = EXCLUDED.document
            """.formatted(JSON_PARAMETER);

    /**
     * Rollbacks stored before the batch that ended in it: their target was seen COMPLETED, FAILED
     * or superseded. Runs before the upsert, so it meets only rows as they were before the batch
     * (the batch ends its own rollbacks itself); the first ending of a target in the batch counts.
     */
    static final String END_ROLLBACKS = """
            UPDATE service_deployments d SET rollback_outcome = r.outcome, rollback_finished_at = r.ended_at
            FROM jsonb_to_recordset(%s) AS r(service_arn text, target_id text, outcome text, ended_at timestamptz)
            WHERE d.service_arn = r.service_arn AND d.rollback_target_id = r.target_id
              AND d.rollback_outcome IS NULL
            """.formatted(JSON_PARAMETER);

    /** The merge of {@link ServiceDeploymentRow#then}, with the stored row first. */
    static final String UPSERT_SERVICE_DEPLOYMENTS = """
            INSERT INTO service_deployments AS t (service_deployment_arn, account, region, cluster_arn, service_arn,
                 deployment_id, boundary_key, task_definition, desired_count, running_count, pending_count,
                 failed_tasks, created_at, updated_at, rollout_state, rollout_state_reason, deployment_configuration,
                 source_deployment_ids, in_progress_seen_at, completed_at, failed_at, superseded_at, superseded_by,
                 breaker_tripped, rollback_target_id, rollback_reason, rollback_started_at, rollback_outcome,
                 rollback_finished_at)
            SELECT r.service_deployment_arn, r.account, r.region, r.cluster_arn, r.service_arn, r.deployment_id,
                 r.boundary_key, r.task_definition, r.desired_count, r.running_count, r.pending_count, r.failed_tasks,
                 r.created_at, r.updated_at, r.rollout_state, r.rollout_state_reason, r.deployment_configuration,
                 r.source_deployment_ids, r.in_progress_seen_at, r.completed_at, r.failed_at, r.superseded_at,
                 r.superseded_by, r.breaker_tripped, r.rollback_target_id, r.rollback_reason, r.rollback_started_at,
                 r.rollback_outcome, r.rollback_finished_at
            FROM jsonb_to_recordset(%s) AS r(service_deployment_arn text, account text, region text,
                 cluster_arn text, service_arn text, deployment_id text, boundary_key text, task_definition text,
                 desired_count integer, running_count integer, pending_count integer, failed_tasks integer,
                 created_at timestamptz, updated_at timestamptz, rollout_state text, rollout_state_reason text,
                 deployment_configuration jsonb, source_deployment_ids text[], in_progress_seen_at timestamptz,
                 completed_at timestamptz, failed_at timestamptz, superseded_at timestamptz, superseded_by text,
                 breaker_tripped boolean, rollback_target_id text, rollback_reason text,
                 rollback_started_at timestamptz, rollback_outcome text, rollback_finished_at timestamptz)
            ON CONFLICT (service_deployment_arn) DO UPDATE SET account = EXCLUDED.account, region = EXCLUDED.region,
                 cluster_arn = EXCLUDED.cluster_arn, service_arn = EXCLUDED.service_arn,
                 deployment_id = EXCLUDED.deployment_id, boundary_key = EXCLUDED.boundary_key,
                 task_definition = EXCLUDED.task_definition, desired_count = EXCLUDED.desired_count,
                 running_count = EXCLUDED.running_count, pending_count = EXCLUDED.pending_count,
                 failed_tasks = EXCLUDED.failed_tasks, created_at = EXCLUDED.created_at,
                 updated_at = EXCLUDED.updated_at, rollout_state = EXCLUDED.rollout_state,
                 rollout_state_reason = EXCLUDED.rollout_state_reason,
                 deployment_configuration = coalesce(EXCLUDED.deployment_configuration, t.deployment_configuration),
                 source_deployment_ids = coalesce(t.source_deployment_ids, EXCLUDED.source_deployment_ids),
                 in_progress_seen_at = coalesce(EXCLUDED.in_progress_seen_at, t.in_progress_seen_at),
                 completed_at = CASE WHEN EXCLUDED.in_progress_seen_at IS NOT NULL THEN EXCLUDED.completed_at
                                     ELSE coalesce(t.completed_at, EXCLUDED.completed_at) END,
                 failed_at = coalesce(t.failed_at, EXCLUDED.failed_at),
                 superseded_at = coalesce(t.superseded_at, EXCLUDED.superseded_at),
                 superseded_by = coalesce(t.superseded_by, EXCLUDED.superseded_by),
                 breaker_tripped = t.breaker_tripped OR EXCLUDED.breaker_tripped,
                 rollback_target_id = CASE WHEN t.rollback_target_id IS NULL THEN EXCLUDED.rollback_target_id
                                           ELSE t.rollback_target_id END,
                 rollback_reason = CASE WHEN t.rollback_target_id IS NULL THEN EXCLUDED.rollback_reason
                                        ELSE t.rollback_reason END,
                 rollback_started_at = CASE WHEN t.rollback_target_id IS NULL THEN EXCLUDED.rollback_started_at
                                            ELSE t.rollback_started_at END,
                 rollback_outcome = CASE WHEN t.rollback_outcome IS NULL THEN EXCLUDED.rollback_outcome
                                         ELSE t.rollback_outcome END,
                 rollback_finished_at = CASE WHEN t.rollback_outcome IS NULL THEN EXCLUDED.rollback_finished_at
                                             ELSE t.rollback_finished_at END
            """.formatted(JSON_PARAMETER);

    /** Deployments no longer in their service's deployments[] own no task: after the upsert, for every row. */
    static final String CLEAR_UNLISTED_COUNTS = """
            UPDATE service_deployments d SET running_count = 0, pending_count = 0
            FROM jsonb_to_recordset(%s) AS r(service_arn text, deployment_ids text[])
            WHERE d.service_arn = r.service_arn AND (d.running_count <> 0 OR d.pending_count <> 0)
              AND NOT (d.deployment_id = ANY (r.deployment_ids))
            """.formatted(JSON_PARAMETER);

    static final String CLEAR_TAGS = """
            DELETE FROM tags WHERE resource_arn = ANY (%s)
            """.formatted(KEYS_PARAMETER);

    static final String INSERT_TAGS = """
            INSERT INTO tags (resource_arn, tag_key, tag_value, ordinal, account, region, boundary_key)
            SELECT r.resource_arn, r.tag_key, r.tag_value, r.ordinal, r.account, r.region, r.boundary_key
            FROM jsonb_to_recordset(%s) AS r(resource_arn text, tag_key text, tag_value text, ordinal integer,
                 account text, region text, boundary_key text)
            """.formatted(JSON_PARAMETER);

    static final String INSERT_SERVICE_EVENTS = """
            INSERT INTO service_events (service_arn, log_partition, log_offset, boundary_key, event_id, created_at,
                 message)
            SELECT * FROM unnest(CAST(CAST(?1 AS text) AS text[]), CAST(CAST(?2 AS text) AS integer[]), CAST(CAST(?3 AS text) AS bigint[]),
                 CAST(CAST(?4 AS text) AS text[]), CAST(CAST(?5 AS text) AS text[]), CAST(CAST(?6 AS text) AS timestamptz[]), CAST(CAST(?7 AS text) AS text[]))
            """;

    /** For each service, deletes what is older than its 100th newest entry (found by an index scan). */
    static final String TRIM_SERVICE_EVENTS = """
            DELETE FROM service_events e USING (
                SELECT s.service_arn, cutoff.log_partition, cutoff.log_offset
                FROM unnest(%s) AS s(service_arn)
                CROSS JOIN LATERAL (
                    SELECT k.log_partition, k.log_offset FROM service_events k
                    WHERE k.service_arn = s.service_arn
                    ORDER BY k.log_partition DESC, k.log_offset DESC
                    OFFSET %d LIMIT 1) cutoff) oldest_kept
            WHERE e.service_arn = oldest_kept.service_arn
              AND (e.log_partition, e.log_offset) < (oldest_kept.log_partition, oldest_kept.log_offset)
            """.formatted(KEYS_PARAMETER, ViewChanges.SERVICE_EVENTS_KEPT - 1);

    static final String INSERT_AUDIT = """
            INSERT INTO audit (topic, log_partition, log_offset, event_id, account, region, resource_arn,
                 event_type, actor, event_time, correlation_id, causation_id)
            SELECT * FROM unnest(CAST(CAST(?1 AS text) AS text[]), CAST(CAST(?2 AS text) AS integer[]), CAST(CAST(?3 AS text) AS bigint[]),
                 CAST(CAST(?4 AS text) AS text[]), CAST(CAST(?5 AS text) AS text[]), CAST(CAST(?6 AS text) AS text[]), CAST(CAST(?7 AS text) AS text[]), CAST(CAST(?8 AS text) AS text[]),
                 CAST(CAST(?9 AS text) AS text[]), CAST(CAST(?10 AS text) AS timestamptz[]), CAST(CAST(?11 AS text) AS text[]), CAST(CAST(?12 AS text) AS text[]))
            """;

    private ViewSql() {
    }

    /** The statements that write {@code changes}, skipping those with nothing to write. */
    public static List<SqlStatement> statements(ViewChanges changes) {
        List<SqlStatement> statements = new ArrayList<>();
        keys(statements, "reset boundaries", RESET_BOUNDARIES, changes.resetBoundaries());
        keys(statements, "clear events of re-created services", CLEAR_SERVICE_EVENTS,
                changes.restartedServices());
        keys(statements, "clear deployments of re-created services", CLEAR_SERVICE_DEPLOYMENTS,
                changes.restartedServices());
        keys(statements, "delete expired tasks", EXPIRE_TASKS, changes.expiredTasks());
        add(statements, "upsert clusters", UPSERT_CLUSTERS, changes.clusters(), ViewSql::clusters);
        add(statements, "upsert task definitions", UPSERT_TASK_DEFINITIONS, changes.taskDefinitions(),
                ViewSql::taskDefinitions);
        add(statements, "upsert services", UPSERT_SERVICES, changes.services(), ViewSql::services);
        add(statements, "upsert container instances", UPSERT_CONTAINER_INSTANCES, changes.containerInstances(),
                ViewSql::containerInstances);
        add(statements, "upsert tasks", UPSERT_TASKS, changes.tasks(), ViewSql::tasks);
        add(statements, "end rollbacks", END_ROLLBACKS, changes.deployments().rollbackEnds(),
                ViewSql::rollbackEnds);
        add(statements, "upsert service deployments", UPSERT_SERVICE_DEPLOYMENTS, changes.deployments().rows(),
                ViewSql::serviceDeployments);
        add(statements, "clear counts of unlisted deployments", CLEAR_UNLISTED_COUNTS,
                changes.deployments().listings(), ViewSql::listings);
        keys(statements, "clear replaced tag sets", CLEAR_TAGS,
                changes.tagSets().stream().map(TagSet::resourceArn).toList());
        List<TagSet> nonEmptyTagSets = changes.tagSets().stream().filter(set -> !set.tags().isEmpty()).toList();
        add(statements, "insert tags", INSERT_TAGS, nonEmptyTagSets, ViewSql::tags);
        List<ServiceEventRow> serviceEvents = changes.serviceEvents();
        if (!serviceEvents.isEmpty()) {
            statements.add(new SqlStatement("insert service events", INSERT_SERVICE_EVENTS, List.of(
                    PgArrays.column(serviceEvents, ServiceEventRow::serviceArn),
                    PgArrays.column(serviceEvents, ServiceEventRow::logPartition),
                    PgArrays.column(serviceEvents, ServiceEventRow::logOffset),
                    PgArrays.column(serviceEvents, ServiceEventRow::boundaryKey),
                    PgArrays.column(serviceEvents, ServiceEventRow::eventId),
                    PgArrays.column(serviceEvents, ServiceEventRow::createdAt),
                    PgArrays.column(serviceEvents, ServiceEventRow::message))));
        }
        keys(statements, "trim service events", TRIM_SERVICE_EVENTS, changes.servicesWithNewEvents());
        List<AuditRow> audit = changes.audit();
        if (!audit.isEmpty()) {
            statements.add(new SqlStatement("insert audit", INSERT_AUDIT, List.of(
                    PgArrays.column(audit, AuditRow::topic),
                    PgArrays.column(audit, AuditRow::logPartition),
                    PgArrays.column(audit, AuditRow::logOffset),
                    PgArrays.column(audit, AuditRow::eventId),
                    PgArrays.column(audit, AuditRow::account),
                    PgArrays.column(audit, AuditRow::region),
                    PgArrays.column(audit, AuditRow::resourceArn),
                    PgArrays.column(audit, AuditRow::eventType),
                    PgArrays.column(audit, AuditRow::actor),
                    PgArrays.column(audit, AuditRow::eventTime),
                    PgArrays.column(audit, AuditRow::correlationId),
                    PgArrays.column(audit, AuditRow::causationId))));
        }
        statements.add(OffsetSql.save(changes));
        return statements;
    }

    private interface RowsWriter<T> {
        void write(JsonGenerator g, Collection<T> rows) throws IOException;
    }

    private static <T> void add(List<SqlStatement> statements, String description, String sql, Collection<T> rows,
            RowsWriter<T> writer) {
        if (!rows.isEmpty()) {
            statements.add(new SqlStatement(description, sql, List.of(JsonParameter.write(g -> writer.write(g, rows)))));
        }
    }

    private static void keys(List<SqlStatement> statements, String description, String sql, Collection<String> keys) {
        if (!keys.isEmpty()) {
            statements.add(new SqlStatement(description, sql, List.of(PgArrays.column(keys, key -> key))));
        }
    }

    private static void clusters(JsonGenerator g, Collection<ClusterRow> rows) throws IOException {
        g.writeStartArray();
        for (ClusterRow row : rows) {
            g.writeStartObject();
            g.writeStringField("cluster_arn", row.cluster().clusterArn());
            g.writeStringField("account", row.account());
            g.writeStringField("region", row.region());
            g.writeStringField("cluster_name", row.cluster().clusterName());
            g.writeStringField("status", row.cluster().status());
            g.writeStringField("boundary_key", row.boundaryKey());
            g.writeObjectField("document", ViewDocuments.cluster(row.cluster()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void taskDefinitions(JsonGenerator g, Collection<TaskDefinitionRow> rows) throws IOException {
        g.writeStartArray();
        for (TaskDefinitionRow row : rows) {
            g.writeStartObject();
            g.writeStringField("task_definition_arn", row.taskDefinition().taskDefinitionArn());
            g.writeStringField("account", row.account());
            g.writeStringField("region", row.region());
            g.writeStringField("family", row.taskDefinition().family());
            g.writeNumberField("revision", row.taskDefinition().revision());
            g.writeStringField("status", row.taskDefinition().status());
            g.writeStringField("boundary_key", row.boundaryKey());
            g.writeObjectField("document", ViewDocuments.taskDefinition(row.taskDefinition()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void services(JsonGenerator g, Collection<ServiceRow> rows) throws IOException {
        g.writeStartArray();
        for (ServiceRow row : rows) {
            g.writeStartObject();
            g.writeStringField("service_arn", row.service().serviceArn());
            g.writeStringField("account", row.account());
            g.writeStringField("region", row.region());
            g.writeStringField("cluster_name", row.clusterName());
            g.writeStringField("service_name", row.service().serviceName());
            g.writeStringField("status", row.service().status());
            g.writeStringField("launch_type", row.service().launchType());
            g.writeStringField("scheduling_strategy", row.service().schedulingStrategy());
            g.writeStringField("boundary_key", row.boundaryKey());
            g.writeObjectField("document", ViewDocuments.service(row.service()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void rollbackEnds(JsonGenerator g, Collection<RollbackEnd> ends) throws IOException {
        g.writeStartArray();
        for (RollbackEnd end : ends) {
            g.writeStartObject();
            g.writeStringField("service_arn", end.serviceArn());
            g.writeStringField("target_id", end.targetId());
            g.writeStringField("outcome", end.outcome());
            g.writeStringField("ended_at", end.at().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void serviceDeployments(JsonGenerator g, Collection<ServiceDeploymentRow> rows)
            throws IOException {
        g.writeStartArray();
        for (ServiceDeploymentRow row : rows) {
            g.writeStartObject();
            g.writeStringField("service_deployment_arn", row.serviceDeploymentArn());
            g.writeStringField("account", row.account());
            g.writeStringField("region", row.region());
            g.writeStringField("cluster_arn", row.clusterArn());
            g.writeStringField("service_arn", row.serviceArn());
            g.writeStringField("deployment_id", row.deploymentId());
            g.writeStringField("boundary_key", row.boundaryKey());
            g.writeStringField("task_definition", row.taskDefinition());
            g.writeNumberField("desired_count", row.desiredCount());
            g.writeNumberField("running_count", row.runningCount());
            g.writeNumberField("pending_count", row.pendingCount());
            g.writeNumberField("failed_tasks", row.failedTasks());
            time(g, "created_at", row.createdAt());
            time(g, "updated_at", row.updatedAt());
            g.writeStringField("rollout_state", row.rolloutState());
            g.writeStringField("rollout_state_reason", row.rolloutStateReason());
            g.writeObjectField("deployment_configuration", row.deploymentConfiguration());
            g.writeObjectField("source_deployment_ids", row.sourceDeploymentIds());
            time(g, "in_progress_seen_at", row.inProgressSeenAt());
            time(g, "completed_at", row.completedAt());
            time(g, "failed_at", row.failedAt());
            time(g, "superseded_at", row.supersededAt());
            g.writeStringField("superseded_by", row.supersededBy());
            g.writeBooleanField("breaker_tripped", row.breakerTripped());
            g.writeStringField("rollback_target_id", row.rollbackTargetId());
            g.writeStringField("rollback_reason", row.rollbackReason());
            time(g, "rollback_started_at", row.rollbackStartedAt());
            g.writeStringField("rollback_outcome", row.rollbackOutcome());
            time(g, "rollback_finished_at", row.rollbackFinishedAt());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void listings(JsonGenerator g, Collection<Listing> listings) throws IOException {
        g.writeStartArray();
        for (Listing listing : listings) {
            g.writeStartObject();
            g.writeStringField("service_arn", listing.serviceArn());
            g.writeObjectField("deployment_ids", listing.deploymentIds());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void time(JsonGenerator g, String field, Instant at) throws IOException {
        g.writeStringField(field, at == null ? null : at.toString());
    }

    private static void tags(JsonGenerator g, Collection<TagSet> sets) throws IOException {
        g.writeStartArray();
        for (TagSet set : sets) {
            int ordinal = 0;
            for (Tag tag : set.tags()) {
                g.writeStartObject();
                g.writeStringField("resource_arn", set.resourceArn());
                g.writeStringField("tag_key", tag.key());
                g.writeStringField("tag_value", tag.value() == null ? "" : tag.value());
                g.writeNumberField("ordinal", ordinal++);
                g.writeStringField("account", set.account());
                g.writeStringField("region", set.region());
                g.writeStringField("boundary_key", set.boundaryKey());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static void containerInstances(JsonGenerator g, Collection<ContainerInstanceRow> rows)
            throws IOException {
        g.writeStartArray();
        for (ContainerInstanceRow row : rows) {
            g.writeStartObject();
            g.writeStringField("container_instance_arn", row.instance().containerInstanceArn());
            g.writeStringField("account", row.account());
            g.writeStringField("region", row.region());
            g.writeStringField("cluster_arn", row.clusterArn());
            g.writeStringField("status", row.instance().status());
            g.writeNumberField("registered_cpu", row.instance().registered("CPU"));
            g.writeNumberField("registered_memory", row.instance().registered("MEMORY"));
            g.writeStringField("boundary_key", row.boundaryKey());
            g.writeObjectField("document", ViewDocuments.containerInstance(row.instance()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void tasks(JsonGenerator g, Collection<TaskRow> rows) throws IOException {
        g.writeStartArray();
        for (TaskRow row : rows) {
            Task task = row.task();
            g.writeStartObject();
            g.writeStringField("task_arn", task.taskArn());
            g.writeStringField("account", row.account());
            g.writeStringField("region", row.region());
            g.writeStringField("cluster_arn", task.clusterArn());
            g.writeStringField("container_instance_arn", task.containerInstanceArn());
            g.writeStringField("family", family(task.taskDefinitionArn()));
            g.writeStringField("started_by", task.startedBy());
            g.writeStringField("task_group", task.group());
            g.writeStringField("service_name", serviceName(task.group()));
            g.writeStringField("desired_status", task.desiredStatus());
            g.writeStringField("last_status", task.lastStatus());
            g.writeStringField("launch_type", task.launchType());
            g.writeStringField("stopped_at", task.stoppedAt() == null ? null : task.stoppedAt().toString());
            Reservation reservation = row.reservation();
            if (reservation != null) {
                g.writeNumberField("reserved_cpu", reservation.cpu());
                g.writeNumberField("reserved_memory", reservation.memory());
                ports(g, "reserved_tcp_ports", reservation.tcpPorts());
                ports(g, "reserved_udp_ports", reservation.udpPorts());
            }
            g.writeStringField("boundary_key", row.boundaryKey());
            g.writeObjectField("document", ViewDocuments.task(task));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** In ascending order: a set's iteration order may differ between runs, the rows may not. */
    private static void ports(JsonGenerator g, String field, Set<Integer> ports) throws IOException {
        g.writeArrayFieldStart(field);
        for (int port : new TreeSet<>(ports == null ? Set.of() : ports)) {
            g.writeNumber(port);
        }
        g.writeEndArray();
    }

    /** {@code web} of {@code arn:aws:ecs:<region>:<account>:task-definition/web:3}. */
    private static String family(String taskDefinitionArn) {
        String familyAndRevision = taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
        int colon = familyAndRevision.lastIndexOf(':');
        return colon < 0 ? familyAndRevision : familyAndRevision.substring(0, colon);
    }

    /** {@code web} of the group {@code service:web}; null for any other group. */
    private static String serviceName(String group) {
        return group != null && group.startsWith("service:") ? group.substring("service:".length()) : null;
    }
}
