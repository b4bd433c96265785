package io.berth.projection.apply;

import io.berth.projection.apply.LogChanges.LogEventRow;
import io.berth.projection.apply.LogChanges.StreamRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The statements that write a {@link LogChanges}: the streams' times, the lines of output (one
 * array literal per column, like the audit: many narrow rows), and last the offsets.
 */
final class LogSql {

    /** Times only widen: the earliest creation and first event, the latest event and ingestion. */
    static final String UPSERT_STREAMS = """
            INSERT INTO log_streams (account, region, log_group, log_stream, creation_time, first_event_timestamp,
                 last_event_timestamp, last_ingestion_time)
            SELECT * FROM unnest(CAST(CAST(?1 AS text) AS text[]), CAST(CAST(?2 AS text) AS text[]),
                 CAST(CAST(?3 AS text) AS text[]), CAST(CAST(?4 AS text) AS text[]), CAST(CAST(?5 AS text) AS bigint[]),
                 CAST(CAST(?6 AS text) AS bigint[]), CAST(CAST(?7 AS text) AS bigint[]), CAST(CAST(?8 AS text) AS bigint[]))
            ON CONFLICT (account, region, log_group, log_stream) DO UPDATE SET
                 creation_time = least(log_streams.creation_time, EXCLUDED.creation_time),
                 first_event_timestamp = least(log_streams.first_event_timestamp, EXCLUDED.first_event_timestamp),
                 last_event_timestamp = greatest(log_streams.last_event_timestamp, EXCLUDED.last_event_timestamp),
                 last_ingestion_time = greatest(log_streams.last_ingestion_time, EXCLUDED.last_ingestion_time)
            """;

    static final String INSERT_EVENTS = """
            INSERT INTO log_events (log_partition, log_offset, event_index, account, region, log_group, log_stream,
                 event_timestamp, ingestion_time, message)
            SELECT * FROM unnest(CAST(CAST(?1 AS text) AS integer[]), CAST(CAST(?2 AS text) AS bigint[]),
                 CAST(CAST(?3 AS text) AS integer[]), CAST(CAST(?4 AS text) AS text[]), CAST(CAST(?5 AS text) AS text[]),
                 CAST(CAST(?6 AS text) AS text[]), CAST(CAST(?7 AS text) AS text[]), CAST(CAST(?8 AS text) AS bigint[]),
                 CAST(CAST(?9 AS text) AS bigint[]), CAST(CAST(?10 AS text) AS text[]))
            """;

    private LogSql() {
    }

    static List<SqlStatement> statements(LogChanges changes) {
        List<SqlStatement> statements = new ArrayList<>();
        Collection<StreamRow> streams = changes.streams();
        if (!streams.isEmpty()) {
            statements.add(new SqlStatement("upsert log streams", UPSERT_STREAMS, List.of(
                    PgArrays.column(streams, row -> row.stream().account()),
                    PgArrays.column(streams, row -> row.stream().region()),
                    PgArrays.column(streams, row -> row.stream().logGroup()),
                    PgArrays.column(streams, row -> row.stream().logStream()),
                    PgArrays.column(streams, StreamRow::creationTime),
                    PgArrays.column(streams, StreamRow::firstEventTimestamp),
                    PgArrays.column(streams, StreamRow::lastEventTimestamp),
                    PgArrays.column(streams, StreamRow::lastIngestionTime))));
        }
        List<LogEventRow> events = changes.events();
        if (!events.isEmpty()) {
            statements.add(new SqlStatement("insert log events", INSERT_EVENTS, List.of(
                    PgArrays.column(events, LogEventRow::logPartition),
                    PgArrays.column(events, LogEventRow::logOffset),
                    PgArrays.column(events, LogEventRow::eventIndex),
                    PgArrays.column(events, row -> row.stream().account()),
                    PgArrays.column(events, row -> row.stream().region()),
                    PgArrays.column(events, row -> row.stream().logGroup()),
                    PgArrays.column(events, row -> row.stream().logStream()),
                    PgArrays.column(events, LogEventRow::timestamp),
                    PgArrays.column(events, LogEventRow::ingestionTime),
                    PgArrays.column(events, LogEventRow::message))));
        }
        statements.add(OffsetSql.save(changes));
        return statements;
    }
}
