package io.berth.projection.replay;

import io.berth.core.log.Topics;
import io.berth.projection.apply.BatchApplier;
import io.berth.projection.apply.LogRecord;
import io.berth.projection.apply.ViewChanges;
import io.berth.projection.live.KafkaConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds every view from offset 0: reads each partition of berth.events from its start up to
 * the end offsets taken when the replay begins, and applies the records with the live
 * projection's code path and batching. It joins no consumer group and commits nothing. The
 * database must be fresh; afterwards it holds the views and offsets a serving instance can
 * continue from.
 */
@ApplicationScoped
public class Replay {

    private static final Logger LOG = Logger.getLogger(Replay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumers consumers;
    private final BatchApplier applier;

    public Replay(KafkaConsumers consumers, BatchApplier applier) {
        this.consumers = consumers;
        this.applier = applier;
    }

    public ReplayReport run() {
        if (!applier.refreshOffsets(Topics.EVENTS).isEmpty()) {
            throw new IllegalStateException("replay needs a fresh database, but this one has already applied "
                    + Topics.EVENTS + "; point the datasource at an empty database");
        }
        long started = System.nanoTime();
        long events = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumers.withoutGroup()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .collect(Collectors.toList());
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<TopicPartition> reading = new ArrayList<>(partitions);
            reading.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            consumer.pause(partitions.stream().filter(p -> !reading.contains(p)).toList());
            while (!reading.isEmpty()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                List<LogRecord> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(LogRecord.of(record));
                    }
                }
                if (!batch.isEmpty()) {
                    ViewChanges changes = applier.apply(Topics.EVENTS, batch);
                    events += changes.appliedCount();
                }
                for (TopicPartition partition : List.copyOf(reading)) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        reading.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
            LOG.infof("replayed %s up to %s", Topics.EVENTS, end);
        }
        return new ReplayReport(events, Duration.ofNanos(System.nanoTime() - started));
    }
}
