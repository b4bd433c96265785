package io.berth.gateway.agent;

import io.berth.core.arn.Boundary;
import io.berth.core.event.BoundaryReset;
import io.berth.core.event.Event;
import io.berth.core.event.EventEnvelope;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TaskCreated;
import io.berth.core.event.TaskDefinitionRegistered;
import io.berth.core.event.TasksExpired;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.gateway.config.GatewayConfig;
import io.berth.log.ConsumerLoop;
import io.berth.log.KafkaSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The tasks each container instance must run, and the task definitions they name, followed from
 * {@code berth.events}, so agents get their assignments by long-poll the moment they change —
 * without waiting for the projection.
 * A task stays assigned until it expires: its agent keeps (and finally removes) its containers.
 */
@ApplicationScoped
public class AssignmentFeed {

    private static final Logger LOG = Logger.getLogger(AssignmentFeed.class);

    /** One instance's tasks, with their task definitions, at a generation that grows with every change. */
    public record Assignment(long generation, List<Task> tasks, Map<String, TaskDefinition> definitions) {
    }

    private final KafkaSettings settings;
    private final ConsumerLoop loop;
    private final Map<String, Map<String, Task>> tasksByInstance = new HashMap<>();
    private final Map<String, String> instanceOfTask = new HashMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    /** Every task definition revision, by ARN: a revision never changes its containers. */
    private final Map<String, TaskDefinition> definitions = new HashMap<>();
    private final Map<String, List<CompletableFuture<Void>>> waiters = new HashMap<>();
    private volatile boolean caughtUp;

    public AssignmentFeed(GatewayConfig config) {
        this.settings = new KafkaSettings(config.kafka().bootstrapServers(), config.kafka().client());
        this.loop = new ConsumerLoop("berth-assignment-feed", this::follow);
    }

    void onStart(@Observes StartupEvent event) {
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop();
    }

    /** True once the whole log up to start has been read, so assignments are complete. */
    public boolean isReady() {
        return caughtUp && loop.isReady();
    }

    /** The instance's assignment now. */
    public synchronized Assignment current(String instanceArn) {
        Map<String, Task> tasks = tasksByInstance.getOrDefault(instanceArn, Map.of());
        Map<String, TaskDefinition> used = new HashMap<>();
        tasks.values().forEach(t -> used.put(t.taskDefinitionArn(), definitions.get(t.taskDefinitionArn())));
        return new Assignment(generations.getOrDefault(instanceArn, 0L), List.copyOf(tasks.values()), used);
    }

    /** Completes when the instance's assignment moves past {@code generation} (at once if it has). */
    public synchronized CompletableFuture<Void> changedAfter(String instanceArn, long generation) {
        if (generations.getOrDefault(instanceArn, 0L) > generation) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> change = new CompletableFuture<>();
        waiters.computeIfAbsent(instanceArn, k -> new ArrayList<>()).add(change);
        return change;
    }

    /** A long-poll gave up waiting: drop its future. */
    public synchronized void forget(String instanceArn, CompletableFuture<Void> change) {
        List<CompletableFuture<Void>> waiting = waiters.get(instanceArn);
        if (waiting != null) {
            waiting.remove(change);
        }
    }

    private void follow(ConsumerLoop.Session session) {
        synchronized (this) {
            tasksByInstance.clear();
            instanceOfTask.clear();
            definitions.clear();
            caughtUp = false;
        }
        try (KafkaConsumer<String, byte[]> events = new KafkaConsumer<>(settings.consumer())) {
            session.consuming(events);
            List<TopicPartition> partitions = events.partitionsFor(Topics.EVENTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            events.assign(partitions);
            events.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = events.endOffsets(partitions);
            session.ready();
            while (session.running()) {
                for (ConsumerRecord<String, byte[]> record : events.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (!caughtUp && partitions.stream().allMatch(tp -> events.position(tp) >= ends.get(tp))) {
                    caughtUp = true;
                    LOG.info("assignment feed caught up with the event log");
                }
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = Json.read(record.value(), EventEnvelope.class);
        if (!envelope.type().startsWith("Task") && !envelope.type().equals("BoundaryReset")) {
            return;
        }
        Event event = envelope.event();
        synchronized (this) {
            if (event instanceof TaskDefinitionRegistered e) {
                definitions.put(e.taskDefinition().taskDefinitionArn(), e.taskDefinition());
            } else if (event instanceof TaskCreated e) {
                put(e.task());
            } else if (event instanceof TaskChanged e) {
                put(e.task());
            } else if (event instanceof TasksExpired e) {
                e.taskArns().forEach(this::remove);
            } else if (event instanceof BoundaryReset e && Boundary.fromKey(e.boundaryKey()).isCluster()
                    && e.clusterArn() != null) {
                List<String> gone = instanceOfTask.keySet().stream()
                        .filter(arn -> arn.startsWith(e.clusterArn().replace(":cluster/", ":task/") + "/"))
                        .toList();
                gone.forEach(this::remove);
            }
        }
    }

    private void put(Task task) {
        String instance = task.containerInstanceArn();
        tasksByInstance.computeIfAbsent(instance, k -> new LinkedHashMap<>()).put(task.taskArn(), task);
        instanceOfTask.put(task.taskArn(), instance);
        changed(instance);
    }

    private void remove(String taskArn) {
        String instance = instanceOfTask.remove(taskArn);
        if (instance != null) {
            Map<String, Task> tasks = tasksByInstance.get(instance);
            if (tasks != null) {
                tasks.remove(taskArn);
            }
            changed(instance);
        }
    }

    private void changed(String instance) {
        generations.merge(instance, 1L, Long::sum);
        List<CompletableFuture<Void>> waiting = waiters.remove(instance);
        if (waiting != null) {
            waiting.forEach(w -> w.complete(null));
        }
    }
}
