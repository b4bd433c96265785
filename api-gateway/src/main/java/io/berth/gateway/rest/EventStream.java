package io.berth.gateway.rest;

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

    private final GatewayConfig config;

    public EventStream(GatewayConfig config) {
        this.config = config;
    }

    /**
     * @param from a resume token, {@code earliest} (the whole log) or {@code latest} (only new events)
     */
    public Multi<Item> follow(String account, String region, String resourceArn, String from) {
        return Multi.createFrom().emitter(emitter -> {
            Thread reader = new Thread(() -> read(emitter, account, region, resourceArn, from),
                    "berth-event-stream");
            reader.setDaemon(true);
            reader.start();
        });
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
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    next.put(record.partition(), record.offset() + 1);
                    EventEnvelope event = Json.read(record.value(), EventEnvelope.class);
                    boolean mine = account.equals(event.account()) && region.equals(event.region())
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
