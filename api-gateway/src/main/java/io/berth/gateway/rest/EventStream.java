package io.berth.gateway.rest;

import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.gateway.config.GatewayConfig;
import io.berth.log.KafkaSettings;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Follows {@code berth.events} for one subscriber: committed events only, filtered to the
 * subscriber's account and region and optionally one resource. Each item carries a resume token:
 * the next offset of every partition after that event ({@code 0-12.1-7.2-0.3-3}); handing it back
 * continues exactly after the event.
 */
@ApplicationScoped
public class EventStream {

    private static final Logger LOG = Logger.getLogger(EventStream.class);

    /** One event and where to resume after it. */
    public record Item(String resumeToken, EventEnvelope event) {
    }

    /** Each subscriber holds a thread and a Kafka consumer: a small local ceiling, not a cluster design. */
    static final int MAX_SUBSCRIBERS = 32;

    private final GatewayConfig config;
    private final AtomicInteger subscribers = new AtomicInteger();

    public EventStream(GatewayConfig config) {
        this.config = config;
    }

    /**
     * @param from a resume token, {@code earliest} (the whole log) or {@code latest} (only new events)
     * @throws EcsException ThrottlingException when {@link #MAX_SUBSCRIBERS} streams are open
     */
    public Multi<Item> follow(String account, String region, String resourceArn, String from) {
        if (subscribers.incrementAndGet() > MAX_SUBSCRIBERS) {
            subscribers.decrementAndGet();
            throw new EcsException(ErrorCode.THROTTLING_EXCEPTION, "Rate exceeded: at most " + MAX_SUBSCRIBERS
                    + " event streams may be open.");
        }
        return Multi.createFrom().<Item>emitter(emitter -> {
            Thread reader = new Thread(() -> read(emitter, account, region, resourceArn, from),
                    "berth-event-stream");
            reader.setDaemon(true);
            reader.start();
        }).onTermination().invoke(subscribers::decrementAndGet);
    }

    private void read(MultiEmitter<? super Item> emitter, String account, String region, String resourceArn,
            String from) {
        KafkaSettings settings = new KafkaSettings(config.kafka().bootstrapServers(), config.kafka().client());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings.consumer())) {
            emitter.onTermination(consumer::wakeup);
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<Integer, Long> next = start(consumer, partitions, from);
            while (!emitter.isCancelled()) {
                // Backpressure: a slow client pauses the consumer instead of filling the heap.
                if (emitter.requested() == 0) {
                    consumer.pause(partitions);
                } else {
                    consumer.resume(partitions);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    next.put(record.partition(), record.offset() + 1);
                    EventEnvelope event = readable(record);
                    boolean mine = event != null && account.equals(event.account()) && region.equals(event.region())
                            && (resourceArn == null || resourceArn.equals(event.resourceArn()));
                    if (mine) {
                        emitter.emit(new Item(token(next), event));
                    }
                }
            }
        } catch (WakeupException cancelled) {
            emitter.complete();
        } catch (RuntimeException e) {
            LOG.warn("event stream ended", e);
            emitter.fail(e);
        }
    }

    /** The event in a record; one this build cannot read is logged and passed over, not fatal to the stream. */
    private static EventEnvelope readable(ConsumerRecord<String, byte[]> record) {
        try {
            return Json.read(record.value(), EventEnvelope.class);
        } catch (RuntimeException unreadable) {
            LOG.warnf(unreadable, "event stream passes over an unreadable record at %s-%d@%d", record.topic(),
                    record.partition(), record.offset());
            return null;
        }
    }

    private static Map<Integer, Long> start(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
            String from) {
        Map<Integer, Long> next = new TreeMap<>();
        if (from == null || from.equals("latest")) {
            consumer.seekToEnd(partitions);
        } else if (from.equals("earliest")) {
            consumer.seekToBeginning(partitions);
        } else {
            Map<Integer, Long> token = parse(from);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, token.getOrDefault(tp.partition(), 0L));
            }
        }
        for (TopicPartition tp : partitions) {
            next.put(tp.partition(), consumer.position(tp));
        }
        return next;
    }

    static String token(Map<Integer, Long> next) {
        return next.entrySet().stream().map(e -> e.getKey() + "-" + e.getValue()).collect(Collectors.joining("."));
    }

    static Map<Integer, Long> parse(String token) {
        Map<Integer, Long> next = new TreeMap<>();
        for (String part : token.split("\\.")) {
            String[] pair = part.split("-");
            if (pair.length != 2) {
                throw new IllegalArgumentException("not a resume token: " + token);
            }
            next.put(Integer.parseInt(pair[0]), Long.parseLong(pair[1]));
        }
        return next;
    }
}
