package io.berth.command.support;

import static org.awaitility.Awaitility.await;

import io.berth.core.command.CommandReply;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a Kafka automation client does: writes command JSON to berth.commands and reads the
 * replies and events (read_committed, as any well-behaved reader).
 */
public final class LogClient implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrap;
    private final Map<String, CommandReply> replies = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> replyReader;

    public LogClient(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(p);
        replyReader = reader();
        List<TopicPartition> partitions = replyReader.partitionsFor(Topics.REPLIES).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        replyReader.assign(partitions);
        replyReader.seekToBeginning(partitions);
    }

    private KafkaConsumer<String, byte[]> reader() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(c);
    }

    public void send(String key, String json) {
        producer.send(new ProducerRecord<>(Topics.COMMANDS, key, json.replace('\'', '"').getBytes()));
        producer.flush();
    }

    /** Sends to a chosen partition, as a client with another partitioner would. */
    public void send(int partition, String key, String json) {
        producer.send(new ProducerRecord<>(Topics.COMMANDS, partition, key, json.replace('\'', '"').getBytes()));
        producer.flush();
    }

    public CommandReply awaitReply(String commandId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : replyReader.poll(Duration.ofMillis(100))) {
                replies.put(r.key(), Json.read(r.value(), CommandReply.class));
            }
            return replies.containsKey(commandId);
        });
        return replies.get(commandId);
    }

    /** Every committed event of the log, in partition order. */
    public List<ConsumerRecord<String, byte[]>> events() {
        try (KafkaConsumer<String, byte[]> events = reader()) {
            List<TopicPartition> partitions = events.partitionsFor(Topics.EVENTS).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            events.assign(partitions);
            events.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = events.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> events.position(tp) < ends.get(tp))) {
                events.poll(Duration.ofMillis(200)).forEach(all::add);
            }
            return all;
        }
    }

    /** The committed events a command caused. */
    public List<EventEnvelope> eventsOf(String commandId) {
        return events().stream()
                .map(r -> Json.read(r.value(), EventEnvelope.class))
                .filter(e -> commandId.equals(e.causationId()))
                .toList();
    }

    @Override
    public void close() {
        producer.close();
        replyReader.close();
    }
}
