package io.berth.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.core.log.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @TempDir
    Path dataDir;

    @Test
    void committedRecordsAreReadCommittedAndSurviveARestart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            kafka.createBerthTopics(3);
            kafka.createBerthTopics(3);
            try (Admin admin = kafka.admin()) {
                assertThat(admin.listTopics().names().get())
                        .contains(Topics.COMMANDS, Topics.EVENTS, Topics.REPLIES);
                assertThat(admin.describeTopics(List.of(Topics.COMMANDS, Topics.EVENTS)).allTopicNames().get()
                        .values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(3));
                ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS);
                Config config = admin.describeConfigs(List.of(events)).all().get().get(events);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            }

            try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(Topics.EVENTS, "k", "aborted")).get();
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(Topics.EVENTS, "k", "committed")).get();
                producer.commitTransaction();
            }
            assertThat(readCommitted(kafka, 1)).containsExactly("committed");
        }

        try (EmbeddedKafka restarted = EmbeddedKafka.start(dataDir)) {
            assertThat(readCommitted(restarted, 1)).containsExactly("committed");
        }
    }

    @Test
    void commandsAndEventsWithDifferentPartitionCountsAreRefused() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            kafka.createTopics(2, Topics.COMMANDS);
            kafka.createTopics(4, Topics.EVENTS);

            assertThatThrownBy(() -> kafka.createBerthTopics(2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("berth.commands has 2 partitions but berth.events has 4");
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-stack-test",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Reads berth.events from the start with read_committed until {@code expected} values arrived (or 30 s). */
    private static List<String> readCommitted(EmbeddedKafka kafka, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            Set<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toSet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            // One more poll: an aborted record read by mistake would show up here.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            return values;
        }
    }
}
