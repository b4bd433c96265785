package io.berth.projection.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.core.event.EventEnvelope;
import io.berth.core.log.Topics;
import io.berth.projection.apply.BatchApplier;
import io.berth.projection.apply.FoldedBatch;
import io.berth.projection.apply.LogRecord;
import io.berth.projection.apply.ProjectionWriter;
import io.berth.projection.apply.StaleBatchException;
import io.berth.projection.apply.ViewChanges;
import io.berth.projection.live.LiveProjection;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LocalStackResource;
import io.berth.projection.support.LogReader;
import io.berth.projection.support.RealisticHistory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Design rule 5: the views are disposable. The live projection follows a realistic stream that
 * arrives in waves (so its batches are cut wherever polls happen to cut them); then every view is
 * rebuilt from offset 0 into fresh tables by the replay, in its own batches, and must come out
 * byte for byte the same. Redelivery must change nothing at all.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ReplayEqualityTest {

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    LiveProjection live;

    @Inject
    Replay replay;

    @Inject
    Flyway flyway;

    @Inject
    BatchApplier applier;

    @Inject
    ProjectionWriter writer;

    @Test
    void replayingTheLogIntoFreshTablesGivesTheLiveViewsByteForByte() throws Exception {
        Map<Integer, Long> written = appendInWaves(RealisticHistory.waves(17, 4));
        awaitApplied(written);
        Map<String, String> liveChecksums = checksums();
        for (String table : List.of("service_events", "container_instances", "tasks", "service_deployments")) {
            assertThat(liveChecksums.get(table)).as("the stream fills %s", table).doesNotEndWith("(0 rows)");
        }

        live.stop();
        try {
            dropAndMigrate();
            assertThat(checksums().get("audit")).endsWith("(0 rows)");
            ReplayReport report = replay.run();

            assertThat(report.events()).isEqualTo(LogReader.readAll(bootstrapServers).size());
            assertThat(report.line()).matches("replayed \\d+ events in \\d+ ms \\(\\d+ events/s\\)");
            assertThat(checksums()).isEqualTo(liveChecksums);
        } finally {
            live.start();
        }
    }

    @Test
    void redeliveredRecordsChangeNoRow() throws Exception {
        awaitApplied(appendInWaves(RealisticHistory.waves(29, 2)));
        Map<String, String> before = checksums();
        List<LogRecord> everything = LogReader.readAll(bootstrapServers);

        FoldedBatch again = applier.apply(Topics.EVENTS, everything);
        assertThat(again.appliedCount()).isZero();
        assertThat(again.skippedCount()).isEqualTo(everything.size());

        // A stale instance that believes nothing was applied yet is stopped by the stored offsets.
        ViewChanges stale = ViewChanges.fold(Topics.EVENTS, everything, Map.of());
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> writer.write(stale)))
                .isInstanceOf(StaleBatchException.class);

        // Rewinding the consumer group in Kafka does not matter: offsets live with the views.
        live.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            for (int p = 0; p < LocalStackResource.PARTITIONS; p++) {
                zero.put(new TopicPartition(Topics.EVENTS, p), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets("berth-projection", zero).all().get();
        } finally {
            live.start();
        }
        Map<Integer, Long> more = appendInWaves(List.of(RealisticHistory.waves(31, 1).get(0)));
        awaitApplied(more);
        Map<String, String> after = checksums();
        assertThat(after.get("audit")).isNotEqualTo(before.get("audit"));
        int newEvents = RealisticHistory.waves(31, 1).get(0).size();
        assertThat(rowCount(after.get("audit"))).isEqualTo(rowCount(before.get("audit")) + newEvents);
    }

    private Map<Integer, Long> appendInWaves(List<List<EventEnvelope>> waves) throws InterruptedException {
        Map<Integer, Long> last = new HashMap<>();
        try (EventLog log = new EventLog(bootstrapServers)) {
            for (List<EventEnvelope> wave : waves) {
                log.append(wave).lastOffsets().forEach((p, o) -> last.merge(p, o, Math::max));
                Thread.sleep(50);
            }
        }
        return last;
    }

    /** Waits until the views have applied the given last offsets. */
    private void awaitApplied(Map<Integer, Long> lastOffsets) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Map<String, Object>> positions = given().get("/internal/positions").then().statusCode(200)
                    .extract().jsonPath().getList("positions");
            boolean reached = lastOffsets.entrySet().stream().allMatch(wanted -> positions.stream().anyMatch(p ->
                    Topics.EVENTS.equals(p.get("topic"))
                            && ((Number) p.get("partition")).intValue() == wanted.getKey()
                            && ((Number) p.get("nextOffset")).longValue() > wanted.getValue()));
            if (reached) {
                return;
            }
            assertThat(System.nanoTime()).as("the live projection catches up with %s", lastOffsets)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void dropAndMigrate() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        flyway.migrate();
    }

    private Map<String, String> checksums() {
        return TableChecksums.compute(jdbcUrl, "postgres", "");
    }

    private static long rowCount(String checksum) {
        return Long.parseLong(checksum.substring(checksum.indexOf('(') + 1, checksum.indexOf(' ', checksum.indexOf('('))));
    }
}
