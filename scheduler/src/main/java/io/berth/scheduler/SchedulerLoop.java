package io.berth.scheduler;

import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.LogPosition;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.log.ConsumerLoop;
import io.berth.log.KafkaSettings;
import io.berth.scheduler.service.ClusterReplicas;
import io.berth.scheduler.service.PlanRequests;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The service scheduler's shell: reads the whole event log into {@link ClusterReplicas}, and
 * once caught up plans every service of a cluster that changed — and, every tick, of every
 * cluster, because health and back-off are matters of time — sending the plans as commands.
 * The planning is {@link io.berth.core.cluster.ServicePlanner}'s; the deciding, the cluster
 * boundary's. A restarted scheduler rebuilds the same view and asks the same commands, which the
 * command-service recognises by id.
 */
@ApplicationScoped
public class SchedulerLoop {

    /** How long one turn of the loop may keep reading before it plans. */
    private static final Duration READ_BUDGET = Duration.ofMillis(500);

    private final SchedulerConfig config;
    private final Clock clock = Clock.systemUTC();
    private final ConsumerLoop loop = new ConsumerLoop("berth-scheduler-loop", this::session);
    /** The current session's replicas once they have caught up with the log, for readers on other threads. */
    private volatile ClusterReplicas published;

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

    /** The replica of every boundary, once it has read the log up to where it stood at start; empty before. */
    public Optional<ClusterReplicas> replicas() {
        return loop.isReady() ? Optional.ofNullable(published) : Optional.empty();
    }

    private void session(ConsumerLoop.Session session) {
        KafkaSettings settings = new KafkaSettings(config.kafka().bootstrapServers(), config.kafka().client());
        published = null;
        ClusterReplicas replicas = new ClusterReplicas();
        PlanRequests requests = new PlanRequests();
        try (KafkaConsumer<String, byte[]> events = new KafkaConsumer<>(settings.consumer());
                KafkaProducer<String, byte[]> commands = new KafkaProducer<>(settings.producer())) {
            session.consuming(events);
            List<TopicPartition> partitions = events.partitionsFor(Topics.EVENTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            events.assign(partitions);
            events.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnd = events.endOffsets(partitions);
            boolean caughtUp = false;
            Instant nextTick = clock.instant();
            while (session.running()) {
                // Read all that is waiting (within a bound) before planning: planning is the expensive
                // part, and a plan made from a view behind the log is refused anyway.
                long readUntil = System.nanoTime() + READ_BUDGET.toNanos();
                ConsumerRecords<String, byte[]> batch = events.poll(Duration.ofMillis(100));
                while (!batch.isEmpty()) {
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        replicas.apply(new LogPosition(record.partition(), record.offset()), record.key(),
                                Json.read(record.value(), EventEnvelope.class).event());
                    }
                    batch = System.nanoTime() < readUntil ? events.poll(Duration.ZERO) : ConsumerRecords.empty();
                }
                if (!caughtUp) {
                    caughtUp = startEnd.entrySet().stream().allMatch(e -> events.position(e.getKey()) >= e.getValue());
                    if (!caughtUp) {
                        continue;
                    }
                    published = replicas;
                    session.ready();
                }
                Instant now = clock.instant();
                Map<String, Optional<Set<String>>> due = replicas.drainChanged();
                if (!now.isBefore(nextTick)) {
                    nextTick = now.plus(config.scheduler().serviceTick());
                    replicas.clusterKeys().forEach(key -> due.put(key, Optional.empty()));
                }
                List<CommandEnvelope> asked = new ArrayList<>();
                due.forEach((boundaryKey, services) ->
                        asked.addAll(requests.due(replicas, boundaryKey, services, now)));
                for (CommandEnvelope command : asked) {
                    commands.send(new ProducerRecord<>(Topics.COMMANDS,
                            command.command().boundary(command.scope()).key(), Json.toBytes(command)));
                }
                if (!asked.isEmpty()) {
                    commands.flush();
                }
            }
        }
    }
}
