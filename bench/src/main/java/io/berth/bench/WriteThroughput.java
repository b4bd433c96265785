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
import java.util.Arrays;
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
 * Sustained write throughput of the command-service: commands written to berth.commands with a
 * bounded number in flight, each counted when its reply — sent in the same transaction as its
 * event and its consumed offset, so only after the durable append — is readable. Prints
 * commands/s and the send-to-reply latency distribution.
 *
 * <p>Arguments: {@code --bootstrap host:port [--commands N] [--in-flight W] [--warmup N]}.
 */
public final class WriteThroughput {

    private static final Scope SCOPE = new Scope("999999999999", "bench-1");

    private WriteThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String bootstrap = Options.required(options, "bootstrap");
        int commands = Integer.parseInt(options.getOrDefault("commands", "20000"));
        int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "256"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2000"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (Client client = new Client(bootstrap)) {
            client.run(run + "-w", warmup, inFlight);
            Result result = client.run(run, commands, inFlight);
            System.out.printf("writes: %d commands, %d in flight: %.0f commands/s; latency ms p50 %.1f, p99 %.1f, "
                            + "p99.9 %.1f, max %.1f; %d errors%n", commands, inFlight, result.perSecond(),
                    result.percentile(50), result.percentile(99), result.percentile(99.9), result.percentile(100),
                    result.errors());
        }
    }

    record Result(double perSecond, long[] latenciesNanos, int errors) {

        double percentile(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /** A producer of commands and a reader of every reply partition. */
    static final class Client implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final KafkaConsumer<String, byte[]> replies;
        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        private final List<Long> latencies = new ArrayList<>();
        private final AtomicInteger errors = new AtomicInteger();
        private final Thread reader;
        private volatile boolean running = true;
        private Semaphore window;

        Client(String bootstrap) {
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
                return new Result(count / seconds, latencies.stream().mapToLong(Long::longValue).toArray(),
                        errors.get());
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
}
