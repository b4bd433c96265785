package io.berth.projection.live;

import io.berth.projection.apply.BatchApplier;
import io.berth.projection.apply.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Follows one topic on its own thread and consumer. The consumer group only shares out
 * partitions: on assignment each partition is sought to the next offset stored with the views,
 * and each poll's records are applied as one transaction together with the new offsets. Nothing
 * is committed to Kafka. A failure (database down, a record this build cannot read) drops the
 * consumer and starts over from the stored offsets after a pause, so nothing is skipped.
 */
final class TopicFollower {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String topic;
    private final Supplier<KafkaConsumer<String, byte[]>> consumers;
    private final BatchApplier applier;
    private final Duration pollTimeout;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    TopicFollower(String topic, Supplier<KafkaConsumer<String, byte[]>> consumers, BatchApplier applier,
            Duration pollTimeout) {
        this.topic = topic;
        this.consumers = consumers;
        this.applier = applier;
        this.pollTimeout = pollTimeout;
    }

    void start() {
        running = true;
        thread = new Thread(this::run, "berth-projection-" + topic);
        thread.start();
    }

    /** Asks the thread to stop after the batch in hand; {@link #join} waits for it. */
    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    void join(Duration atMost) {
        try {
            thread.join(atMost.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try (KafkaConsumer<String, byte[]> c = consumers.get()) {
                consumer = c;
                // stop() may have come before the consumer was there to wake up
                if (!running) {
                    break;
                }
                c.subscribe(List.of(topic), new SeekToStoredOffsets(c));
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(pollTimeout);
                    if (!records.isEmpty()) {
                        applier.apply(topic, toLogRecords(records));
                        backoff = Duration.ofMillis(500);
                    }
                }
            } catch (WakeupException e) {
                // stop() asked the consumer to return
            } catch (RuntimeException e) {
                LOG.errorf(e, "applying %s failed; starting again from the stored offsets in %s", topic, backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                consumer = null;
            }
        }
    }

    private static List<LogRecord> toLogRecords(ConsumerRecords<String, byte[]> records) {
        List<LogRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(LogRecord.of(record));
        }
        return batch;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Seeks newly assigned partitions to the offsets stored with the views. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> consumer;

        SeekToStoredOffsets(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<Integer, Long> stored = applier.refreshOffsets(topic);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, stored.getOrDefault(partition.partition(), 0L));
            }
            LOG.infof("following %s from %s", partitions, stored);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Offsets live with the views; there is nothing to hand over.
        }
    }
}
