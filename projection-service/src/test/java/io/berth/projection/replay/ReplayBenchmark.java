package io.berth.projection.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.event.EventEnvelope;
import io.berth.infra.local.EmbeddedKafka;
import io.berth.infra.local.EmbeddedPostgresServer;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.RealisticHistory;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay throughput on this machine: writes a realistic log of about
 * {@code -Dberth.benchmark.events} events (default 200,000), replays it with the replay run mode
 * and prints the rate: a measurement, not a pass/fail threshold. Not part of the
 * regular build (the class name does not end in Test); run it with
 * {@code ./mvnw -pl projection-service test -Dtest=ReplayBenchmark}.
 */
@QuarkusMainTest
class ReplayBenchmark {

    private static final Pattern LINE = Pattern.compile("replayed (\\d+) events in (\\d+) ms \\((\\d+) events/s\\)");

    @TempDir
    static Path dataDir;

    private static EmbeddedKafka kafka;
    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void writeALargeLog() {
        int wanted = Integer.getInteger("berth.benchmark.events", 200_000);
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
        kafka.createBerthTopics(Integer.getInteger("berth.benchmark.partitions", 6));
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
        postgres.createDatabase("benchmark");
        int written = 0;
        try (EventLog log = new EventLog(kafka.bootstrapServers())) {
            for (long seed = 1; written < wanted; seed++) {
                for (List<EventEnvelope> wave : RealisticHistory.waves(seed, 20)) {
                    log.append(wave);
                    written += wave.size();
                }
            }
        }
        System.setProperty("berth.kafka.bootstrap-servers", kafka.bootstrapServers());
        System.setProperty("berth.projection.mode", "replay");
        System.setProperty("quarkus.http.test-port", "0");
        System.setProperty("quarkus.datasource.jdbc.url", postgres.jdbcUrl("benchmark"));
        System.setProperty("quarkus.datasource.reactive.url", postgres.reactiveUrl("benchmark"));
    }

    @AfterAll
    static void stop() {
        List.of("berth.kafka.bootstrap-servers", "berth.projection.mode", "quarkus.http.test-port",
                "quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url").forEach(System::clearProperty);
        kafka.close();
        postgres.close();
    }

    @Test
    void measuresTheReplayRate(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        Matcher line = LINE.matcher(result.getOutput());
        assertThat(line.find()).isTrue();
        System.out.println("BENCHMARK " + line.group());
    }
}
