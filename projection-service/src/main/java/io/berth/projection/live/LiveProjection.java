package io.berth.projection.live;

import io.berth.core.log.Topics;
import io.berth.projection.apply.BatchApplier;
import io.berth.projection.apply.LogRecord;
import io.berth.projection.config.ProjectionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Follows berth.events in the serving mode. The consumer group only shares out partitions: on
 * assignment each partition is sought to the next offset stored with the views, and each poll's
 * records are applied as one transaction together with the new offsets. Nothing is committed to
 * Kafka. A failure (database down, an event this build cannot read) drops the consumer and starts
 * over from the stored offsets after a pause, so nothing is skipped.
 */
@ApplicationScoped
public class LiveProjection {

    private static final Logger LOG = Logger.getLogger(LiveProjection.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final KafkaConsumers consumers;
    private final BatchApplier applier;
    private final ProjectionConfig config;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public LiveProjection(KafkaConsumers consumers, BatchApplier applier, ProjectionConfig config) {
        this.consumers = consumers;
        this.applier = applier;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.mode() == ProjectionConfig.Mode.SERVE) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "berth-projection-live");
        thread.start();
    }

    /** Stops following the log; returns once the current batch is applied or dropped. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try (KafkaConsumer<String, byte[]> c = consumers.inGroup()) {
                consumer = c;
                c.subscribe(List.of(Topics.EVENTS), new SeekToStoredOffsets(c));
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(config.pollTimeout());
                    if (!records.isEmpty()) {
                        applier.apply(Topics.EVENTS, toLogRecords(records));
                        backoff = Duration.ofMillis(500);
                    }
                }
            } catch (WakeupException e) {
                // stop() asked the consumer to return
            } catch (RuntimeException e) {
                LOG.errorf(e, "applying %s failed; starting again from the stored offsets in %s", Topics.EVENTS,
                        backoff);
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
            Map<Integer, Long> stored = applier.refreshOffsets(Topics.EVENTS);
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
