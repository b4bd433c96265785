package io.berth.gateway.write;

import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.CommandReply;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.gateway.config.GatewayConfig;
import io.berth.log.KafkaSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
    private final Map<String, CompletableFuture<CommandReply>> pending = new ConcurrentHashMap<>();
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> replies;
    private Thread replyThread;
    private volatile boolean running;
    private volatile boolean ready;

    public CommandBus(GatewayConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        KafkaSettings settings = new KafkaSettings(config.kafka().bootstrapServers(), config.kafka().client());
        Map<String, Object> producerProps = settings.producer();
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        producer = new KafkaProducer<>(producerProps);
        replies = new KafkaConsumer<>(settings.consumer());
        running = true;
        replyThread = new Thread(this::readReplies, "berth-reply-reader");
        replyThread.setDaemon(true);
        replyThread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (replies != null) {
            replies.wakeup();
        }
        if (replyThread != null) {
            replyThread.join(5000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** True once the reply reader sits at the end of every reply partition. */
    public boolean isReady() {
        return ready;
    }

    /**
     * Sends a command and completes with its reply, or fails after the command timeout. A timed
     * out command may still be applied later; a retry with the same command id is harmless.
     */
    public Uni<CommandReply> send(String boundaryKey, CommandEnvelope envelope) {
        CompletableFuture<CommandReply> reply = pending.computeIfAbsent(envelope.commandId(),
                id -> new CompletableFuture<>());
        producer.send(new ProducerRecord<>(Topics.COMMANDS, boundaryKey, Json.toBytes(envelope)), (meta, error) -> {
            if (error != null) {
                pending.remove(envelope.commandId());
                reply.completeExceptionally(error);
            }
        });
        return Uni.createFrom().completionStage(reply)
                .ifNoItem().after(config.gateway().commandTimeout()).fail()
                .onTermination().invoke(() -> pending.remove(envelope.commandId(), reply));
    }

    /** The reply topic's partitions, once the command-service has created the topic. */
    private List<TopicPartition> replyPartitions() {
        while (running) {
            List<TopicPartition> partitions = replies.partitionsFor(Topics.REPLIES, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            LOG.info("waiting for topic " + Topics.REPLIES);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new WakeupException();
    }

    private void readReplies() {
        try {
            List<TopicPartition> partitions = replyPartitions();
            replies.assign(partitions);
            replies.seekToEnd(partitions);
            partitions.forEach(replies::position);
            ready = true;
            while (running) {
                for (ConsumerRecord<String, byte[]> record : replies.poll(Duration.ofMillis(500))) {
                    CompletableFuture<CommandReply> waiting = pending.remove(record.key());
                    if (waiting != null) {
                        waiting.complete(Json.read(record.value(), CommandReply.class));
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("reply reader woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("reply reader stopped; writes will time out", e);
        } finally {
            ready = false;
            replies.close(Duration.ofSeconds(2));
        }
    }
}
