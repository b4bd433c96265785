package io.berth.scheduler;

import io.berth.core.command.CommandEnvelope;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.log.ConsumerLoop;
import io.berth.log.KafkaSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Feeds committed events to the process managers and sends the commands they ask for. Offsets
 * are committed after the commands are acknowledged by the broker: at least once, which the
 * event-derived command ids make harmless.
 */
@ApplicationScoped
public class SchedulerLoop {

    private final SchedulerConfig config;
    private final ConsumerLoop loop = new ConsumerLoop("berth-scheduler-loop", this::session);

    public SchedulerLoop(SchedulerConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop();
    }

    public boolean isReady() {
        return loop.isReady();
    }

    private void session(ConsumerLoop.Session session) {
        KafkaSettings settings = new KafkaSettings(config.kafka().bootstrapServers(), config.kafka().client());
        Map<String, Object> consumerProps = settings.consumer();
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "berth-scheduler");
        try (KafkaConsumer<String, byte[]> events = new KafkaConsumer<>(consumerProps);
                KafkaProducer<String, byte[]> commands = new KafkaProducer<>(settings.producer())) {
            session.consuming(events);
            events.subscribe(List.of(Topics.EVENTS));
            while (session.running()) {
                ConsumerRecords<String, byte[]> records = events.poll(Duration.ofMillis(200));
                session.ready();
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    Optional<CommandEnvelope> command = ServiceSettler.react(Json.read(record.value(),
                            EventEnvelope.class));
                    command.ifPresent(c -> commands.send(new ProducerRecord<>(Topics.COMMANDS, record.key(),
                            Json.toBytes(c))));
                }
                commands.flush();
                events.commitSync();
            }
        }
    }
}
