package io.berth.command.support;

import io.berth.infra.local.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** A real Kafka broker for the command-service's tests, started before the application. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    static volatile String bootstrapServers;
    private EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        try {
            kafka = EmbeddedKafka.start(Files.createTempDirectory("berth-command-kafka"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bootstrapServers = kafka.bootstrapServers();
        return Map.of("berth.kafka.bootstrap-servers", kafka.bootstrapServers(), "berth.kafka.partitions", "4");
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    public static String bootstrapServers() {
        return bootstrapServers;
    }
}
