package io.berth.command.catalog;

import io.berth.core.account.AccountState;
import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.decide.TaskDefinitionLookup;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.core.model.TaskDefinition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Every account's task definitions, read from the whole of {@code berth.events}: how a cluster
 * boundary's decider sees task definitions, which another boundary (and perhaps another instance)
 * writes.
 *
 * <p>Cross-boundary reads are made correct by a barrier, not by trust: before deciding a command
 * that names a task definition, the command-service takes the account partition's last stable
 * offset and {@link #awaitCaughtUp waits} until this catalog has read that far. Every
 * registration acknowledged before the command was sent was committed below that offset, so a
 * client that registers a definition and then creates a service with it always finds it.
 */
public final class TaskDefinitionCatalog implements TaskDefinitionLookup, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TaskDefinitionCatalog.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<Scope, AccountState> accounts = new HashMap<>();
    private final Map<Integer, Long> positions = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public TaskDefinitionCatalog(KafkaConsumer<String, byte[]> consumer, int partitions) {
        this.consumer = consumer;
        List<TopicPartition> all = new java.util.ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(Topics.EVENTS, p));
        }
        consumer.assign(all);
        consumer.seekToBeginning(all);
        this.thread = new Thread(this::run, "berth-task-definition-catalog");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                lock.lock();
                try {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        apply(record);
                    }
                    for (TopicPartition tp : consumer.assignment()) {
                        positions.put(tp.partition(), consumer.position(tp));
                    }
                    advanced.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            // An event it cannot read (corrupt, or from a newer build) stops it loudly; the
            // command-service then starts a new session, and a new catalog, rather than deciding
            // with task definitions that stopped moving.
            LOG.error("task-definition catalog stopped", e);
            failure = e;
            lock.lock();
            try {
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Why the catalog stopped reading, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Boundary boundary = Boundary.fromKey(record.key());
        if (boundary.isCluster()) {
            return;
        }
        EventEnvelope envelope = Json.read(record.value(), EventEnvelope.class);
        accounts.computeIfAbsent(boundary.scope(), s -> new AccountState(boundary)).apply(envelope.event());
    }

    /**
     * Waits until the catalog has read every listed partition up to the given offset (exclusive).
     *
     * @throws TimeoutException if it does not get there in time
     */
    public void awaitCaughtUp(Map<Integer, Long> targets, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!reached(targets)) {
                if (failure != null) {
                    throw new TimeoutException("task-definition catalog stopped: " + failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("task-definition catalog did not reach " + targets + " (at " + positions
                            + ")");
                }
                advanced.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean reached(Map<Integer, Long> targets) {
        for (Map.Entry<Integer, Long> target : targets.entrySet()) {
            if (positions.getOrDefault(target.getKey(), 0L) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<TaskDefinition> find(Scope scope, TaskDefinitionRef ref) {
        lock.lock();
        try {
            AccountState account = accounts.get(scope);
            if (account == null) {
                return Optional.empty();
            }
            return ref.revision().isPresent() ? account.revision(ref.family(), ref.revision().getAsInt())
                    : account.latestActive(ref.family());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread.isAlive()) {
            consumer.wakeup();
            thread.join(5000);
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
