package io.berth.command.writer;

import io.berth.command.log.KafkaClients;
import io.berth.core.arn.Boundary;
import io.berth.core.command.LogPosition;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Rebuilds a partition's state from {@code berth.events} when this instance is given the
 * partition: every event from offset 0, applied in order, and the recorded command results.
 *
 * <p>It first waits until no transaction is open on the partition (last stable offset equals the
 * high watermark). The previous owner may have left one open; it will be committed or aborted
 * (fenced, or timed out by the broker), and the state must include it if it was committed.
 */
final class PartitionRebuilder {

    static final String RESULT_HEADER = "berth.result";
    private static final Logger LOG = Logger.getLogger(PartitionRebuilder.class);

    private final KafkaClients clients;
    private final Admin admin;
    private final Duration replyRetention;
    private final Duration stableWait;
    private final Clock clock;

    PartitionRebuilder(KafkaClients clients, Admin admin, Duration replyRetention, Duration stableWait, Clock clock) {
        this.clients = clients;
        this.admin = admin;
        this.replyRetention = replyRetention;
        this.stableWait = stableWait;
        this.clock = clock;
    }

    /** Rebuilds the given partitions together, with one reader. */
    Map<Integer, PartitionState> rebuild(Collection<Integer> partitions) throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        Map<TopicPartition, Long> ends = stableEnds(partitions);
        Map<Integer, PartitionState> states = new HashMap<>();
        for (int partition : partitions) {
            states.put(partition, new PartitionState(partition, replyRetention));
        }
        long applied = 0;
        try (KafkaConsumer<String, byte[]> reader = clients.eventReader()) {
            reader.assign(ends.keySet());
            reader.seekToBeginning(ends.keySet());
            while (!caughtUp(reader, ends)) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(100))) {
                    apply(states.get(record.partition()), record);
                    applied++;
                }
            }
        }
        LOG.infof("rebuilt partitions %s from %d events in %d ms", new TreeSet<>(partitions), applied,
                (System.nanoTime() - started) / 1_000_000);
        return states;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (reader.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(PartitionState state, ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = Json.read(record.value(), EventEnvelope.class);
        state.boundary(Boundary.fromKey(record.key())).apply(envelope.event());
        state.eventWrittenAt(record.offset());
        Header result = record.headers().lastHeader(RESULT_HEADER);
        if (result != null) {
            state.replies().record(envelope.causationId(),
                    new RecordedReply(result.value(), new LogPosition(record.partition(), record.offset()),
                            envelope.time()),
                    clock.instant());
        }
    }

    /** The partitions' ends once no transaction is open on any of them. */
    private Map<TopicPartition, Long> stableEnds(Collection<Integer> partitions)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition : partitions) {
            latest.put(new TopicPartition(Topics.EVENTS, partition), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + stableWait.toNanos();
        while (true) {
            Map<TopicPartition, Long> stable = ends(latest, IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Long> high = ends(latest, IsolationLevel.READ_UNCOMMITTED);
            if (stable.equals(high)) {
                return stable;
            }
            if (System.nanoTime() > deadline) {
                // Rebuilding without it could miss a commit that lands later; better to give the
                // partitions back and try again than to decide on an incomplete state.
                throw new IllegalStateException("a transaction is still open on " + latest.keySet() + " after "
                        + stableWait);
            }
            Thread.sleep(100);
        }
    }

    private Map<TopicPartition, Long> ends(Map<TopicPartition, OffsetSpec> partitions, IsolationLevel isolation)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(partitions, new ListOffsetsOptions(isolation)).all().get()
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }
}
