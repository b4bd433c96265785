package io.berth.projection.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.event.EventEnvelope;
import io.berth.infra.local.EmbeddedKafka;
import io.berth.infra.local.EmbeddedPostgresServer;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LogReader;
import io.berth.projection.support.RealisticHistory;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay run mode as an operator runs it: {@code berth.projection.mode=replay} with the
 * datasource pointed at a fresh database; the application migrates, replays, prints one line and
 * exits. The configuration reaches each launch through system properties, as {@code -D} options would.
 */
@QuarkusMainTest
class ReplayModeTest {

    private static final Pattern LINE = Pattern.compile("replayed (\\d+) events in (\\d+) ms \\((\\d+) events/s\\)");
    private static final List<String> PROPERTIES = List.of("berth.kafka.bootstrap-servers", "berth.projection.mode",
            "berth.projection.max-poll-records", "quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url",
            "quarkus.http.test-port");

    @TempDir
    static Path dataDir;

    private static EmbeddedKafka kafka;
    private static EmbeddedPostgresServer postgres;
    private static int committedEvents;

    @BeforeAll
    static void startTheStackAndWriteTheLog() {
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
        kafka.createBerthTopics(3);
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
        try (EventLog log = new EventLog(kafka.bootstrapServers())) {
            for (List<EventEnvelope> wave : RealisticHistory.waves(5, 3)) {
                log.append(wave);
            }
        }
        committedEvents = LogReader.readAll(kafka.bootstrapServers()).size();
        System.setProperty("berth.kafka.bootstrap-servers", kafka.bootstrapServers());
        System.setProperty("berth.projection.mode", "replay");
        System.setProperty("quarkus.http.test-port", "0");
    }

    @AfterAll
    static void stopTheStack() {
        PROPERTIES.forEach(System::clearProperty);
        kafka.close();
        postgres.close();
    }

    @Test
    void replaysTheWholeLogIntoAFreshDatabaseAndReportsTheRate(QuarkusMainLauncher launcher) {
        LaunchResult big = replayInto(launcher, "replay_big", 5000);
        LaunchResult small = replayInto(launcher, "replay_small", 7);

        for (LaunchResult result : List.of(big, small)) {
            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            Matcher line = LINE.matcher(result.getOutput());
            assertThat(line.find()).as(result.getOutput()).isTrue();
            assertThat(Long.parseLong(line.group(1))).isEqualTo(committedEvents);
        }
        Map<String, String> checksums = TableChecksums.compute(postgres.jdbcUrl("replay_big"),
                EmbeddedPostgresServer.USER, "");
        assertThat(checksums.get("audit")).endsWith("(" + committedEvents + " rows)");
        assertThat(TableChecksums.compute(postgres.jdbcUrl("replay_small"), EmbeddedPostgresServer.USER, ""))
                .as("batches of 7 and of 5000 give the same views")
                .isEqualTo(checksums);
    }

    @Test
    void refusesADatabaseThatAlreadyHoldsViews(QuarkusMainLauncher launcher) {
        assertThat(replayInto(launcher, "replay_twice", 5000).exitCode()).isZero();

        LaunchResult again = replayInto(launcher, "replay_twice", 5000);

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.getOutput() + again.getErrorOutput()).contains("replay needs a fresh database");
    }

    private static LaunchResult replayInto(QuarkusMainLauncher launcher, String database, int batch) {
        postgres.createDatabase(database);
        System.setProperty("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        System.setProperty("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        System.setProperty("berth.projection.max-poll-records", String.valueOf(batch));
        return launcher.launch();
    }
}
