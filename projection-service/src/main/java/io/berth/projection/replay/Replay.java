package io.berth.projection.replay;

import io.berth.core.log.Topics;
import io.berth.projection.apply.BatchApplier;
import io.berth.projection.apply.LogRecord;
import io.berth.projection.apply.FoldedBatch;
import io.berth.projection.config.ProjectionConfig;
import io.berth.projection.live.KafkaConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds every view from offset 0: reads each partition of berth.events from its start up to
 * the end offsets taken when the replay begins, and applies the records with the live
 * projection's code path and batching (each poll's records of a partition folded into one
 * batch). It joins no consumer group and commits nothing. While batches are written (on
 * {@link WriteLanes}), the next poll is fetched and folded: on a small machine the fold and
 * PostgreSQL share the cores instead of taking turns. The database must be fresh; afterwards it
 * holds the views and offsets a serving instance continues from.
 *
 * <p>berth.logs is not replayed: Kafka keeps container output for a week only, so it could never
 * rebuild older logs, and the logs are no ECS view. A serving instance pointed at the rebuilt
 * database reads berth.logs from the oldest record Kafka still has.
 */
@ApplicationScoped
public class Replay {

    private static final Logger LOG = Logger.getLogger(Replay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumers consumers;
    private final BatchApplier applier;
    private final ProjectionConfig config;

    public Replay(KafkaConsumers consumers, BatchApplier applier, ProjectionConfig config) {
        this.consumers = consumers;
        this.applier = applier;
        this.config = config;
    }

    public ReplayReport run() {
        if (!applier.refreshOffsets(Topics.EVENTS).isEmpty()) {
            throw new NotAFreshDatabaseException("replay needs a fresh database, but this one has already applied "
                    + Topics.EVENTS + "; point the datasource at an empty database");
        }
        long started = System.nanoTime();
        long events = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumers.withoutGroup();
                WriteLanes lanes = new WriteLanes(applier, config.replayWriters())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<TopicPartition> reading = new ArrayList<>(partitions);
            while (!reading.isEmpty()) {
                reading.removeIf(partition -> {
                    boolean done = consumer.position(partition) >= end.get(partition);
                    if (done) {
                        consumer.pause(List.of(partition));
                    }
                    return done;
                });
                if (reading.isEmpty()) {
                    break;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                List<List<LogRecord>> byLane = new ArrayList<>();
                for (int lane = 0; lane < lanes.count(); lane++) {
                    byLane.add(new ArrayList<>());
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        byLane.get(lanes.laneOf(record.partition())).add(LogRecord.of(record));
                    }
                }
                for (int lane = 0; lane < lanes.count(); lane++) {
                    if (!byLane.get(lane).isEmpty()) {
                        FoldedBatch changes = applier.fold(Topics.EVENTS, byLane.get(lane));
                        events += changes.appliedCount();
                        lanes.write(lane, changes);
                    }
                }
            }
            lanes.finishAll();
            LOG.infof("replayed %s up to %s", Topics.EVENTS, end);
        }
        return new ReplayReport(events, Duration.ofNanos(System.nanoTime() - started));
    }
}
