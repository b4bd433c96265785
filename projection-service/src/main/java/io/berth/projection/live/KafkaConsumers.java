package io.berth.projection.live;

import io.berth.log.KafkaSettings;
import io.berth.projection.config.KafkaConfig;
import io.berth.projection.config.ProjectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Creates the plain Kafka consumers that read berth.events and berth.logs (committed records only). */
@ApplicationScoped
public class KafkaConsumers {

    private final KafkaSettings settings;
    private final ProjectionConfig config;

    public KafkaConsumers(KafkaConfig kafka, ProjectionConfig config) {
        this.settings = new KafkaSettings(kafka.bootstrapServers(), kafka.client());
        this.config = config;
    }

    /** A consumer in the given group; offsets are never committed to Kafka, they live with the views. */
    public KafkaConsumer<String, byte[]> inGroup(String groupId) {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
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
        Map<String, Object> props = settings.consumer();
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        return props;
    }
}
