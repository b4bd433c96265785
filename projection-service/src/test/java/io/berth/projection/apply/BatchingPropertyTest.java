package io.berth.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.agent.LogBatch;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.infra.local.EmbeddedPostgresServer;
import io.berth.projection.replay.TableChecksums;
import io.berth.projection.support.JdbcStatements;
import io.berth.projection.support.RandomDeployments;
import io.berth.projection.support.RandomHistory;
import io.berth.projection.support.Scenario;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batching claim of {@link ViewChanges} and {@link LogChanges}: folding records into batches
 * of any size, in any interleaving of partitions, with redelivered records mixed in, gives exactly
 * the rows that applying them one at a time gives. Runs the batches' statements against real
 * PostgreSQL (over JDBC, outside the application) for many seeds of random histories.
 */
class BatchingPropertyTest {

    private static final int SEEDS = 10;
    private static final int PARTITIONS = 3;
    private static final String TOPIC = "berth.events";
    private static final String LOGS = "berth.logs";
    private static final Folder EVENTS_FOLDER = (records, applied) -> ViewChanges.fold(TOPIC, records, applied);
    private static final Folder LOGS_FOLDER = (records, applied) -> LogChanges.fold(LOGS, records, applied);

    private interface Folder {
        FoldedBatch fold(List<LogRecord> records, Map<Integer, Long> applied);
    }

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start(dataDir);
        for (String database : List.of("one_by_one", "batched")) {
            postgres.createDatabase(database);
            Flyway.configure().dataSource(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "").load()
                    .migrate();
        }
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void batchesOfAnySizeGiveTheRowsOfApplyingOneRecordAtATime() throws Exception {
        Map<String, Long> mostRows = new TreeMap<>();
        for (int i = 0; i < SEEDS; i++) {
            long seed = 7919L * (i + 1);
            Random random = new Random(seed);
            List<LogRecord> log = toLog(RandomHistory.extend(new Scenario(String.format("%012d", seed)), random,
                    700).drain());

            applyOneByOne("one_by_one", log, EVENTS_FOLDER);
            applyInRandomBatches("batched", log, random, EVENTS_FOLDER);

            Map<String, String> batched = checksums("batched");
            assertThat(batched)
                    .as("seed %d: %d records", seed, log.size())
                    .isEqualTo(checksums("one_by_one"));
            batched.forEach((table, checksum) -> mostRows.merge(table, rows(checksum), Math::max));
        }
        assertThat(mostRows).as("the histories fill every view").allSatisfy((table, rows) ->
                assertThat(rows).as(table).isPositive());
    }

    /**
     * The deployment history merges rows across batches and ends stored rollbacks from other
     * deployments' events: deployment-heavy histories (breakers tripping, rollbacks, supersedes)
     * must give the same rows however they are cut.
     */
    @Test
    void deploymentHistoriesCutAnywhereGiveTheRowsOfApplyingOneRecordAtATime() throws Exception {
        Set<String> statuses = new TreeSet<>();
        for (int i = 0; i < SEEDS; i++) {
            long seed = 6151L * (i + 1);
            Random random = new Random(seed);
            List<LogRecord> log = toLog(RandomDeployments.extend(new Scenario(String.format("%012d", seed)), random,
                    400).drain());

            applyOneByOne("one_by_one", log, EVENTS_FOLDER);
            applyInRandomBatches("batched", log, random, EVENTS_FOLDER);

            assertThat(checksums("batched")).as("seed %d: %d records", seed, log.size())
                    .isEqualTo(checksums("one_by_one"));
            rowsOf("batched", "(SELECT DISTINCT status FROM service_deployments)").forEach(row ->
                    statuses.add(row.substring(1, row.length() - 1)));
        }
        assertThat(statuses).as("the histories reach every status Berth gives")
                .contains("IN_PROGRESS", "SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL");
    }

    @Test
    void logBatchesOfAnySizeGiveTheRowsOfApplyingOneRecordAtATime() throws Exception {
        for (int i = 0; i < SEEDS; i++) {
            long seed = 104729L * (i + 1);
            Random random = new Random(seed);
            List<LogRecord> log = randomOutput(random, 300);

            applyOneByOne("one_by_one", log, LOGS_FOLDER);
            applyInRandomBatches("batched", log, random, LOGS_FOLDER);

            for (String table : List.of("log_streams", "log_events")) {
                assertThat(rowsOf("batched", table)).as("seed %d: %s", seed, table)
                        .isNotEmpty()
                        .isEqualTo(rowsOf("one_by_one", table));
            }
        }
    }

    /** Batches of output of a few streams, spread over partitions by stream, at random times. */
    private static List<LogRecord> randomOutput(Random random, int batches) {
        Map<Integer, Long> next = new HashMap<>();
        List<LogRecord> log = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            String stream = "s" + random.nextInt(6);
            List<LogBatch.LogEvent> events = new ArrayList<>();
            for (int e = random.nextInt(4); e > 0; e--) {
                events.add(new LogBatch.LogEvent(random.nextInt(1000), "line " + b + "." + e));
            }
            LogBatch batch = new LogBatch("123456789012", "eu-west-1", "/g" + random.nextInt(2), stream, events);
            int partition = Math.floorMod(batch.key().hashCode(), PARTITIONS);
            long offset = next.merge(partition, 1L, Long::sum) - 1;
            log.add(new LogRecord(partition, offset, random.nextInt(1000), Json.toBytes(batch)));
        }
        return log;
    }

    /** Every row of the table as text, sorted. */
    private static List<String> rowsOf(String database, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.connect(database); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static long rows(String checksum) {
        return Long.parseLong(checksum.substring(checksum.indexOf('(') + 1, checksum.indexOf(" rows)")));
    }

    /** The records as Kafka would hold them: keyed to a partition by boundary, offsets counting per partition. */
    private static List<LogRecord> toLog(List<EventEnvelope> events) {
        Map<Integer, Long> next = new HashMap<>();
        List<LogRecord> log = new ArrayList<>();
        for (EventEnvelope event : events) {
            int partition = Math.floorMod(event.partitionKey().hashCode(), PARTITIONS);
            long offset = next.merge(partition, 1L, Long::sum) - 1;
            log.add(new LogRecord(partition, offset, 0L, Json.toBytes(event)));
        }
        return log;
    }

    private static void applyOneByOne(String database, List<LogRecord> log, Folder folder) throws SQLException {
        try (Connection c = open(database)) {
            Map<Integer, Long> applied = new TreeMap<>();
            for (LogRecord record : log) {
                write(c, folder.fold(List.of(record), applied), applied);
            }
        }
    }

    /**
     * Takes records from the partitions' queues in a random interleaving (each partition in its own
     * order, as a consumer sees them), cuts random batches, and now and then sends a batch again.
     */
    private static void applyInRandomBatches(String database, List<LogRecord> log, Random random, Folder folder)
            throws SQLException {
        try (Connection c = open(database)) {
            applyInRandomBatches(c, log, random, folder);
        }
    }

    private static void applyInRandomBatches(Connection c, List<LogRecord> log, Random random, Folder folder)
            throws SQLException {
        Map<Integer, Deque<LogRecord>> queues = new TreeMap<>();
        log.forEach(r -> queues.computeIfAbsent(r.partition(), p -> new ArrayDeque<>()).add(r));
        Map<Integer, Long> applied = new TreeMap<>();
        List<LogRecord> previous = List.of();
        while (queues.values().stream().anyMatch(q -> !q.isEmpty())) {
            int size = 1 + random.nextInt(random.nextBoolean() ? 8 : 120);
            List<LogRecord> batch = new ArrayList<>();
            while (batch.size() < size && queues.values().stream().anyMatch(q -> !q.isEmpty())) {
                List<Deque<LogRecord>> open = queues.values().stream().filter(q -> !q.isEmpty()).toList();
                batch.add(open.get(random.nextInt(open.size())).poll());
            }
            if (random.nextInt(5) == 0) {
                List<LogRecord> redelivered = new ArrayList<>(previous);
                redelivered.addAll(batch);
                batch = redelivered;
            }
            write(c, folder.fold(batch, applied), applied);
            previous = batch;
        }
    }

    private static void write(Connection c, FoldedBatch changes, Map<Integer, Long> applied) throws SQLException {
        for (SqlStatement statement : changes.statements()) {
            JdbcStatements.execute(c, statement);
        }
        c.commit();
        applied.putAll(changes.nextOffsets());
    }

    /** A connection to the emptied database, committing by hand: one transaction per batch. */
    private static Connection open(String database) throws SQLException {
        Connection c = postgres.connect(database);
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE clusters, task_definitions, services, service_events, tags, container_instances,"
                    + " tasks, service_deployments, audit, log_streams, log_events, projection_offsets");
        }
        c.setAutoCommit(false);
        return c;
    }

    private static Map<String, String> checksums(String database) {
        return TableChecksums.compute(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "");
    }
}
