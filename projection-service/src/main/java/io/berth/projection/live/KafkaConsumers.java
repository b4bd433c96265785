package io.berth.projection.live;

import io.berth.projection.config.ProjectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the plain Kafka consumers that read berth.events (committed records only). */
@ApplicationScoped
public class KafkaConsumers {

    private final String bootstrapServers;
    private final ProjectionConfig config;

    public KafkaConsumers(@ConfigProperty(name = "berth.kafka.bootstrap-servers") String bootstrapServers,
            ProjectionConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /** A consumer in the projection's group; offsets are never committed to Kafka, they live with the views. */
    public KafkaConsumer<String, byte[]> inGroup() {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId());
        return new KafkaConsumer<>(props);
    }

    /** A consumer without a group, for reading assigned partitions from the start (replay). */
    public KafkaConsumer<String, byte[]> withoutGroup() {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-replay");
        // Bigger fetches: replay reads the whole log as fast as PostgreSQL takes it.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        return new KafkaConsumer<>(props);
    }

    private Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }
}
