package io.berth.gateway.agent;

import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.gateway.config.GatewayConfig;
import io.berth.log.KafkaSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What agents send that is not a command: heartbeats (to {@code berth.heartbeats}, from which the
 * scheduler judges connectivity) and container output (to {@code berth.logs}).
 */
@ApplicationScoped
public class AgentSignals {

    private final KafkaSettings settings;
    private KafkaProducer<String, byte[]> producer;

    public AgentSignals(GatewayConfig config) {
        this.settings = new KafkaSettings(config.kafka().bootstrapServers(), config.kafka().client());
    }

    void onStart(@Observes StartupEvent event) {
        Map<String, Object> props = settings.producer();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producer = new KafkaProducer<>(props);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    public Uni<Void> send(String topic, String key, Object value) {
        return Uni.createFrom().<Void>emitter(emitter -> producer.send(
                        new ProducerRecord<>(topic, key, Json.toBytes(value)), (meta, error) -> {
                            if (error != null) {
                                emitter.fail(error);
                            } else {
                                emitter.complete(null);
                            }
                        }))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public Uni<Void> heartbeat(String instanceArn, Object heartbeat) {
        return send(Topics.HEARTBEATS, instanceArn, heartbeat);
    }

    public Uni<Void> logs(String streamKey, Object batch) {
        return send(Topics.LOGS, streamKey, batch);
    }
}
