package io.berth.projection.apply;

import io.berth.core.agent.LogBatch;
import io.berth.core.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch of berth.logs records does to the container logs: one row per line of output,
 * at its place in the log, and each stream's first and last times, folded per stream (so a
 * stream written to a thousand times in the batch is upserted once). Pure, like
 * {@link ViewChanges}; records below a partition's applied offset are redeliveries and change
 * nothing. Times merge by min and max, so any cut of the log into batches gives the same rows.
 */
public final class LogChanges implements FoldedBatch {

    /** One line of output. {@code (logPartition, logOffset, eventIndex)} orders lines of equal timestamps. */
    record LogEventRow(int logPartition, long logOffset, int eventIndex, Stream stream, long timestamp,
            long ingestionTime, String message) {
    }

    record Stream(String account, String region, String logGroup, String logStream) {
    }

    /** What the batch saw of one stream; creation time is the first ingestion seen. */
    record StreamRow(Stream stream, long creationTime, long firstEventTimestamp, long lastEventTimestamp,
            long lastIngestionTime) {

        StreamRow merge(StreamRow other) {
            return new StreamRow(stream, Math.min(creationTime, other.creationTime),
                    Math.min(firstEventTimestamp, other.firstEventTimestamp),
                    Math.max(lastEventTimestamp, other.lastEventTimestamp),
                    Math.max(lastIngestionTime, other.lastIngestionTime));
        }
    }

    private final String topic;
    private final BatchOffsets offsets;
    private final List<LogEventRow> events = new ArrayList<>();
    private final Map<Stream, StreamRow> streams = new LinkedHashMap<>();
    private int applied;

    private LogChanges(String topic, BatchOffsets offsets) {
        this.topic = topic;
        this.offsets = offsets;
    }

    /** Folds the records of berth.logs against each partition's stored next offset (0 if absent). */
    public static LogChanges fold(String topic, Collection<LogRecord> records, Map<Integer, Long> applied) {
        LogChanges changes = new LogChanges(topic, BatchOffsets.of(records, applied));
        for (LogRecord record : records) {
            changes.add(record);
        }
        return changes;
    }

    private void add(LogRecord record) {
        if (!offsets.admit(record)) {
            return;
        }
        LogBatch batch = decode(record);
        applied++;
        if (batch.logEvents() == null || batch.logEvents().isEmpty()) {
            return;
        }
        Stream stream = new Stream(batch.account(), batch.region(), batch.logGroupName(), batch.logStreamName());
        int index = 0;
        for (LogBatch.LogEvent event : batch.logEvents()) {
            events.add(new LogEventRow(record.partition(), record.offset(), index++, stream, event.timestamp(),
                    record.timestamp(), storable(event.message())));
            streams.merge(stream, new StreamRow(stream, record.timestamp(), event.timestamp(), event.timestamp(),
                    record.timestamp()), StreamRow::merge);
        }
    }

    private LogBatch decode(LogRecord record) {
        try {
            LogBatch batch = Json.read(record.value(), LogBatch.class);
            for (String required : new String[] {batch.account(), batch.region(), batch.logGroupName(),
                    batch.logStreamName()}) {
                if (required == null || required.isEmpty()) {
                    throw new IllegalArgumentException("account, region, logGroupName and logStreamName are required");
                }
            }
            if (batch.logEvents() != null && batch.logEvents().stream().anyMatch(e -> e == null || e.message() == null)) {
                throw new IllegalArgumentException("every log event needs a message");
            }
            return batch;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the log batch at " + topic + "-" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage(), e);
        }
    }

    /** PostgreSQL text cannot hold NUL; container output sometimes does. It is kept as U+FFFD. */
    private static String storable(String message) {
        return message.indexOf('\0') < 0 ? message : message.replace('\0', '\uFFFD');
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Map<Integer, Long> appliedBefore() {
        return offsets.appliedBefore();
    }

    @Override
    public Map<Integer, Long> nextOffsets() {
        return offsets.next();
    }

    /** Log batches applied (records below the stored offsets are not counted). */
    @Override
    public int appliedCount() {
        return applied;
    }

    @Override
    public int skippedCount() {
        return offsets.skipped();
    }

    @Override
    public List<SqlStatement> statements() {
        return LogSql.statements(this);
    }

    List<LogEventRow> events() {
        return events;
    }

    Collection<StreamRow> streams() {
        return streams.values();
    }
}
