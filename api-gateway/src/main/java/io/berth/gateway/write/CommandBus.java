package io.berth.gateway.write;

import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.CommandReply;
import io.berth.core.error.EcsError;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.gateway.config.GatewayConfig;
import io.berth.log.ConsumerLoop;
import io.berth.log.KafkaSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Sends commands to {@code berth.commands} (key = boundary key) and matches the replies that the
 * command-service writes to {@code berth.replies} (key = command id). Every gateway instance
 * reads every reply partition from its end and keeps the ones it waits for.
 */
@ApplicationScoped
public class CommandBus {

    private static final Logger LOG = Logger.getLogger(CommandBus.class);

    private final GatewayConfig config;
    /** One reply per command id in flight; every request for that id (an SDK retry) waits on it. */
    private final Map<String, Waiting> pending = new ConcurrentHashMap<>();
    private final KafkaSettings settings;
    private final ConsumerLoop replyReader;
    private KafkaProducer<String, byte[]> producer;

    public CommandBus(GatewayConfig config) {
        this.config = config;
        this.settings = new KafkaSettings(config.kafka().bootstrapServers(), config.kafka().client());
        this.replyReader = new ConsumerLoop("berth-reply-reader", this::readReplies);
    }

    void onStart(@Observes StartupEvent event) {
        Map<String, Object> producerProps = settings.producer();
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // A send waits for metadata or buffer space at most this long, not the client's minute.
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producer = new KafkaProducer<>(producerProps);
        replyReader.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        replyReader.stop();
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** True once the reply reader sits at the end of every reply partition. */
    public boolean isReady() {
        return replyReader.isReady();
    }

    /**
     * Sends a command and completes with its reply, or fails after the command timeout. A timed
     * out command may still be applied later; a retry with the same command id is harmless and
     * waits for the same reply.
     */
    public Uni<CommandReply> send(String boundaryKey, CommandEnvelope envelope) {
        String id = envelope.commandId();
        Waiting waiting = pending.compute(id, (k, current) -> {
            Waiting entry = current == null ? new Waiting(new CompletableFuture<>(), new AtomicInteger()) : current;
            entry.waiters().incrementAndGet();
            return entry;
        });
        // Each request waits on its own copy: one request giving up never takes the reply from another.
        CompletableFuture<CommandReply> mine = waiting.reply().thenApply(reply -> reply);
        return Uni.createFrom().item(() -> {
                    producer.send(new ProducerRecord<>(Topics.COMMANDS, boundaryKey, Json.toBytes(envelope)),
                            (meta, error) -> {
                                if (error != null) {
                                    fail(id, error);
                                }
                            });
                    return id;
                })
                // KafkaProducer.send may block on metadata: never on the event loop.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(error -> fail(id, error))
                .chain(sent -> Uni.createFrom().completionStage(mine))
                .ifNoItem().after(config.gateway().commandTimeout()).fail()
                .onTermination().invoke(() -> leave(id, waiting));
    }

    /** The reply to one command id and how many requests wait for it. */
    private record Waiting(CompletableFuture<CommandReply> reply, AtomicInteger waiters) {
    }

    private void fail(String id, Throwable error) {
        Waiting waiting = pending.remove(id);
        if (waiting != null) {
            waiting.reply().completeExceptionally(error);
        }
    }

    /** The last request for a command id to give up forgets it, so unanswered ids do not pile up. */
    private void leave(String id, Waiting waiting) {
        if (waiting.waiters().decrementAndGet() == 0) {
            pending.remove(id, waiting);
        }
    }

    private void readReplies(ConsumerLoop.Session session) throws InterruptedException {
        try (KafkaConsumer<String, byte[]> replies = new KafkaConsumer<>(settings.consumer())) {
            session.consuming(replies);
            List<TopicPartition> partitions = replyPartitions(replies, session);
            replies.assign(partitions);
            replies.seekToEnd(partitions);
            partitions.forEach(replies::position);
            session.ready();
            while (session.running()) {
                for (ConsumerRecord<String, byte[]> record : replies.poll(Duration.ofMillis(500))) {
                    Waiting waiting = pending.remove(record.key());
                    if (waiting != null) {
                        waiting.reply().complete(parse(record));
                    }
                }
            }
        }
    }

    /** A reply, or a ServerException standing for one this build cannot read. */
    private static CommandReply parse(ConsumerRecord<String, byte[]> record) {
        try {
            return Json.read(record.value(), CommandReply.class);
        } catch (RuntimeException unreadable) {
            LOG.errorf(unreadable, "unreadable reply to command %s at %s-%d@%d", record.key(), record.topic(),
                    record.partition(), record.offset());
            return CommandReply.failure(record.key(), new EcsError(ErrorCode.SERVER_EXCEPTION,
                    "The command's reply could not be read."));
        }
    }

    /** The reply topic's partitions, once the command-service has created the topic. */
    private static List<TopicPartition> replyPartitions(KafkaConsumer<String, byte[]> replies,
            ConsumerLoop.Session session) throws InterruptedException {
        while (session.running()) {
            List<TopicPartition> partitions = replies.partitionsFor(Topics.REPLIES, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            LOG.info("waiting for topic " + Topics.REPLIES);
            Thread.sleep(500);
        }
        return List.of();
    }
}
