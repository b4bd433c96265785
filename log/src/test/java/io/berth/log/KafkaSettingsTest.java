package io.berth.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    private final KafkaSettings settings = new KafkaSettings("broker:9092", Map.of("security.protocol", "SSL"));

    @Test
    void everyClientGetsTheAddressAndTheOperatorsProperties() {
        assertThat(settings.producer()).containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry("security.protocol", "SSL");
        assertThat(settings.consumer()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void producersAreDurableAndConsumersSeeOnlyCommittedRecords() {
        assertThat(settings.producer()).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        assertThat(settings.consumer()).containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }
}
