package io.berth.projection.apply;

import com.fasterxml.jackson.core.JsonGenerator;
import io.berth.core.json.Json;
import io.berth.core.model.Tag;
import io.berth.projection.apply.ViewRows.AuditRow;
import io.berth.projection.apply.ViewRows.ClusterRow;
import io.berth.projection.apply.ViewRows.ServiceEventRow;
import io.berth.projection.apply.ViewRows.ServiceRow;
import io.berth.projection.apply.ViewRows.TagSet;
import io.berth.projection.apply.ViewRows.TaskDefinitionRow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The statements that write a {@link ViewChanges} in order: boundary resets first, then the
 * events[] windows of re-created services, upserts, tag sets, new events[] entries and their
 * trimming to the newest 100, audit rows, and last the partitions' next offsets. Parameters are
 * text and cast in SQL: {@code CAST(CAST(?1 AS text) AS jsonb)} makes PostgreSQL parse a JSON
 * array of rows (a parameter typed jsonb would be bound as a JSON string scalar), and
 * {@code CAST(CAST(?n AS text) AS integer[])} an array literal of one column.
 */
public final class ViewSql {

    private static final String JSON_PARAMETER = "CAST(CAST(?1 AS text) AS jsonb)";

    /** A list of keys as an array literal; {@code = ANY} of it lets the planner use the key's index. */
    private static final String KEYS_PARAMETER = "CAST(CAST(?1 AS text) AS text[])";

    static final String RESET_BOUNDARIES = """
            WITH c AS (DELETE FROM clusters WHERE boundary_key = ANY (%1$s)),
                 t AS (DELETE FROM task_definitions WHERE boundary_key = ANY (%1$s)),
                 s AS (DELETE FROM services WHERE boundary_key = ANY (%1$s)),
                 e AS (DELETE FROM service_events WHERE boundary_key = ANY (%1$s))
            DELETE FROM tags WHERE boundary_key = ANY (%1$s)
            """.formatted(KEYS_PARAMETER);

    static final String CLEAR_SERVICE_EVENTS = """
            DELETE FROM service_events WHERE service_arn = ANY (%s)
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

    static final String SAVE_OFFSETS = """
            INSERT INTO projection_offsets (topic, partition, next_offset)
            SELECT r.topic, r.partition, r.next_offset
            FROM jsonb_to_recordset(%s) AS r(topic text, partition integer, next_offset bigint)
            ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset
            """.formatted(JSON_PARAMETER);

    /**
     * Every batch statement reaches its rows by key, through an index. While tables grow fast (a
     * replay starts from empty ones) their statistics lag behind, and the planner would scan a
     * "small" table whole for each batch, a cost that grows with the table: so sequential scans
     * are ruled out for the writing transaction.
     */
    static final String INDEXED_ACCESS = "SET LOCAL enable_seqscan = off";

    /** Makes sure each partition has an offsets row, so that it can be locked. */
    static final String ENSURE_OFFSETS = """
            INSERT INTO projection_offsets (topic, partition, next_offset)
            SELECT r.topic, r.partition, 0
            FROM jsonb_to_recordset(%s) AS r(topic text, partition integer)
            ON CONFLICT (topic, partition) DO NOTHING
            """.formatted(JSON_PARAMETER);

    /**
     * Locks the batch's offsets rows until commit: another instance that still believes it owns a
     * partition (a rebalance in flight) waits here and then finds the offsets moved.
     */
    static final String LOCK_OFFSETS = """
            SELECT o.partition, o.next_offset FROM projection_offsets o
            WHERE o.topic = ?1 AND o.partition IN (SELECT CAST(jsonb_array_elements_text(CAST(CAST(?2 AS text) AS jsonb)) AS integer))
            ORDER BY o.partition
            FOR UPDATE
            """;

    private ViewSql() {
    }

    /** The statements that write {@code changes}, skipping those with nothing to write. */
    public static List<SqlStatement> statements(ViewChanges changes) {
        List<SqlStatement> statements = new ArrayList<>();
        keys(statements, "reset boundaries", RESET_BOUNDARIES, changes.resetBoundaries());
        keys(statements, "clear events of re-created services", CLEAR_SERVICE_EVENTS,
                changes.restartedServiceEvents());
        add(statements, "upsert clusters", UPSERT_CLUSTERS, changes.clusters(), ViewSql::clusters);
        add(statements, "upsert task definitions", UPSERT_TASK_DEFINITIONS, changes.taskDefinitions(),
                ViewSql::taskDefinitions);
        add(statements, "upsert services", UPSERT_SERVICES, changes.services(), ViewSql::services);
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
        add(statements, "save offsets", SAVE_OFFSETS, List.of(changes), ViewSql::offsets);
        return statements;
    }

    /** The JSON parameter of {@link #ENSURE_OFFSETS}. */
    static String offsetKeys(String topic, Collection<Integer> partitions) {
        return write(g -> {
            g.writeStartArray();
            for (int partition : partitions) {
                g.writeStartObject();
                g.writeStringField("topic", topic);
                g.writeNumberField("partition", partition);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** The JSON parameter of {@link #LOCK_OFFSETS}'s partition list. */
    static String partitions(Collection<Integer> partitions) {
        return write(g -> {
            g.writeStartArray();
            for (int partition : partitions) {
                g.writeString(String.valueOf(partition));
            }
            g.writeEndArray();
        });
    }

    private interface RowsWriter<T> {
        void write(JsonGenerator g, Collection<T> rows) throws IOException;
    }

    private interface GeneratorBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static <T> void add(List<SqlStatement> statements, String description, String sql, Collection<T> rows,
            RowsWriter<T> writer) {
        if (!rows.isEmpty()) {
            statements.add(new SqlStatement(description, sql, List.of(write(g -> writer.write(g, rows)))));
        }
    }

    private static void keys(List<SqlStatement> statements, String description, String sql, Collection<String> keys) {
        if (!keys.isEmpty()) {
            statements.add(new SqlStatement(description, sql, List.of(PgArrays.column(keys, key -> key))));
        }
    }

    private static String write(GeneratorBody body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setCodec(Json.MAPPER);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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

    private static void offsets(JsonGenerator g, Collection<ViewChanges> batch) throws IOException {
        g.writeStartArray();
        for (ViewChanges changes : batch) {
            for (Map.Entry<Integer, Long> next : changes.nextOffsets().entrySet()) {
                g.writeStartObject();
                g.writeStringField("topic", changes.topic());
                g.writeNumberField("partition", next.getKey());
                g.writeNumberField("next_offset", next.getValue());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }
}
