package io.berth.projection.support;

import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events to berth.events as the command-service does: keyed by boundary key, in a Kafka
 * transaction. Returns the positions written, for {@code X-Berth-Min-Position}.
 */
public final class EventLog implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventLog(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "projection-test-" + UUID.randomUUID(),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        producer.initTransactions();
    }

    /** Appends the events in one transaction; the answer maps each partition written to its last offset. */
    public Written append(List<EventEnvelope> events) {
        producer.beginTransaction();
        List<java.util.concurrent.Future<RecordMetadata>> sent = events.stream()
                .map(e -> producer.send(new ProducerRecord<>(Topics.EVENTS, e.partitionKey(), Json.toBytes(e))))
                .toList();
        producer.commitTransaction();
        Map<Integer, Long> last = new TreeMap<>();
        for (var future : sent) {
            try {
                RecordMetadata metadata = future.get();
                last.merge(metadata.partition(), metadata.offset(), Math::max);
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("cannot append events", e);
            }
        }
        return new Written(last);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The last offset written per partition. */
    public record Written(Map<Integer, Long> lastOffsets) {

        /** The {@code X-Berth-Min-Position} header value that waits for these writes. */
        public String header() {
            return lastOffsets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(","));
        }
    }
}
