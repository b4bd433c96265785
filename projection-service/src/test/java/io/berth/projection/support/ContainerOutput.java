package io.berth.projection.support;

import io.berth.core.agent.LogBatch;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes container output to berth.logs as the gateway does for its agents: one record per
 * {@link LogBatch}, keyed by account/region/group/stream. The record's timestamp, which the
 * projection takes as the ingestion time, is given, so tests can say what it will be. Returns
 * the positions written, for {@code X-Berth-Min-Position} on the logs queries.
 */
public final class ContainerOutput implements AutoCloseable {

    private final String account;
    private final KafkaProducer<String, byte[]> producer;

    public ContainerOutput(String bootstrapServers, String account) {
        this.account = account;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** One batch of lines ({@code timestamp, message} pairs) of a stream, ingested at {@code ingestedAt} (epoch ms). */
    public EventLog.Written write(String group, String stream, long ingestedAt, Object... timesAndMessages) {
        List<LogBatch.LogEvent> events = new ArrayList<>();
        for (int i = 0; i < timesAndMessages.length; i += 2) {
            events.add(new LogBatch.LogEvent(((Number) timesAndMessages[i]).longValue(),
                    (String) timesAndMessages[i + 1]));
        }
        LogBatch batch = new LogBatch(account, Scenario.REGION, group, stream, events);
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(Topics.LOGS, null, ingestedAt, batch.key(),
                    Json.toBytes(batch))).get();
            return new EventLog.Written(Map.of(written.partition(), written.offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot write container output", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
