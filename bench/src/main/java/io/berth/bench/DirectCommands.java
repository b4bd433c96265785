package io.berth.bench;

import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.CommandReply;
import io.berth.core.command.CreateCluster;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.log.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Commands written straight to berth.commands, past the gateway, with a bounded number in flight;
 * each counted when its reply is readable — the command-service sends the reply in the same
 * transaction as the event and the consumed offset, so only after the durable append. With one in
 * flight every transaction carries one command; with W in flight a poll, and so a transaction,
 * carries up to W: the effect of batching per transaction.
 */
final class DirectCommands implements AutoCloseable {

    private static final Scope SCOPE = new Scope("999999999999", "bench-1");

    /** Commands per second over the run, their send-to-reply latencies, and refusals. */
    record Result(double perSecond, Latencies latencies, int errors) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> replies;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final Thread reader;
    private volatile boolean running = true;
    private Semaphore window;

    DirectCommands(String bootstrap) {
        KafkaSettings settings = new KafkaSettings(bootstrap, Map.of());
        Map<String, Object> producerProps = settings.producer();
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        producer = new KafkaProducer<>(producerProps);
        replies = new KafkaConsumer<>(settings.consumer());
        List<TopicPartition> partitions = replies.partitionsFor(Topics.REPLIES).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        replies.assign(partitions);
        replies.seekToEnd(partitions);
        partitions.forEach(replies::position);
        reader = new Thread(this::read, "bench-replies");
        reader.start();
    }

    Result run(String prefix, int count, int inFlight) throws InterruptedException {
        synchronized (latencies) {
            latencies.clear();
        }
        errors.set(0);
        window = new Semaphore(inFlight);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            window.acquire();
            String name = "bench-" + prefix + "-" + i;
            String id = UUID.randomUUID().toString();
            CommandEnvelope envelope = CommandEnvelope.of(id, SCOPE, "bench", id, Instant.now(),
                    new CreateCluster(name, null, null, null, null, null, null));
            sentAt.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.COMMANDS, Boundary.cluster(SCOPE, name).key(),
                    Json.toBytes(envelope)));
        }
        window.acquire(inFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (latencies) {
            return new Result(Latencies.round(count / seconds, 1), Latencies.ofNanos(latencies), errors.get());
        }
    }

    private void read() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : replies.poll(Duration.ofMillis(100))) {
                Long sent = sentAt.remove(record.key());
                if (sent == null) {
                    continue;
                }
                long latency = System.nanoTime() - sent;
                if (!Json.read(record.value(), CommandReply.class).succeeded()) {
                    errors.incrementAndGet();
                }
                synchronized (latencies) {
                    latencies.add(latency);
                }
                window.release();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join();
        replies.close();
        producer.close();
    }
}
