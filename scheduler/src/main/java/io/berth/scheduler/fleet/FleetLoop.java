package io.berth.scheduler.fleet;

import io.berth.core.agent.Heartbeat;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.log.ConsumerLoop;
import io.berth.log.KafkaSettings;
import io.berth.scheduler.SchedulerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows the whole event log (to build the {@link FleetView}) and the newest heartbeats, and on
 * every tick sends what {@link FleetTimers} finds due: connectivity changes and task expiry.
 */
@ApplicationScoped
public class FleetLoop {

    private final SchedulerConfig config;
    private final KafkaSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final ConsumerLoop loop = new ConsumerLoop("berth-fleet-loop", this::session);

    public FleetLoop(SchedulerConfig config) {
        this.config = config;
        this.settings = new KafkaSettings(config.kafka().bootstrapServers(), config.kafka().client());
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
        FleetView view = new FleetView();
        Map<String, Instant> lastHeartbeat = new HashMap<>();
        Instant watchingSince = clock.instant();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings.consumer());
                KafkaProducer<String, byte[]> commands = new KafkaProducer<>(settings.producer())) {
            session.consuming(consumer);
            List<TopicPartition> events = partitions(consumer, Topics.EVENTS);
            List<TopicPartition> heartbeats = partitions(consumer, Topics.HEARTBEATS);
            List<TopicPartition> all = new ArrayList<>(events);
            all.addAll(heartbeats);
            consumer.assign(all);
            consumer.seekToBeginning(events);
            consumer.seekToEnd(heartbeats);
            session.ready();
            Instant nextTick = clock.instant();
            while (session.running()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(Topics.EVENTS)) {
                        view.apply(record.key(), Json.read(record.value(), EventEnvelope.class).event());
                    } else {
                        Heartbeat heartbeat = Json.read(record.value(), Heartbeat.class);
                        lastHeartbeat.merge(heartbeat.containerInstanceArn(), heartbeat.at(),
                                (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
                Instant now = clock.instant();
                if (!now.isBefore(nextTick)) {
                    nextTick = now.plus(config.scheduler().tick());
                    for (CommandEnvelope command : FleetTimers.due(view, lastHeartbeat, watchingSince, now,
                            config.scheduler().agentTimeout(), config.scheduler().stoppedTaskRetention())) {
                        String key = command.command().boundary(command.scope()).key();
                        commands.send(new ProducerRecord<>(Topics.COMMANDS, key, Json.toBytes(command)));
                    }
                    commands.flush();
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
