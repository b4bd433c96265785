package io.berth.projection.support;

import io.berth.infra.local.EmbeddedKafka;
import io.berth.infra.local.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real Kafka and PostgreSQL for the application under test, from berth-local-stack: a broker
 * with Berth's topics (3 partitions) and a database {@value #DATABASE}. They start before the
 * application, so it never waits for an absent broker.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "berth_test";
    public static final int PARTITIONS = 3;

    private Path dataDir;
    private EmbeddedKafka kafka;
    private EmbeddedPostgresServer postgres;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("berth-projection-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
        kafka.createBerthTopics(PARTITIONS);
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
        postgres.createDatabase(DATABASE);
        return Map.of(
                "berth.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(DATABASE));
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
