package io.berth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.core.model.TaskStatus;
import io.berth.log.KafkaSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows {@code berth.events} (committed records only) from its end at start and notes when each
 * of one cluster's tasks was placed ({@code TaskCreated}) and first recorded RUNNING, or STOPPED:
 * the "scheduled" and "running" curves, as durable facts rather than API answers.
 */
final class PlacementEvents implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String taskArnPart;
    private final Thread reader;
    private final Set<String> running = new HashSet<>();
    private final Set<String> stopped = new HashSet<>();
    private long[] createdAt = new long[1024];
    private long[] runningAt = new long[1024];
    private int created;
    private int events;
    private volatile boolean open = true;
    private volatile RuntimeException failure;

    PlacementEvents(String bootstrap, String cluster) {
        consumer = new KafkaConsumer<>(new KafkaSettings(bootstrap, Map.of()).consumer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        taskArnPart = ":task/" + cluster + "/";
        reader = new Thread(this::read, "placement-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (open) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    apply(record.value(), System.nanoTime());
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void apply(byte[] value, long now) {
        JsonNode envelope = Json.readTree(value);
        String type = envelope.path("type").asText();
        if (!envelope.path("resourceArn").asText().contains(taskArnPart)) {
            return;
        }
        synchronized (this) {
            events++;
            if (type.equals("TaskCreated")) {
                createdAt = grown(createdAt, created);
                createdAt[created++] = now;
            } else if (type.equals("TaskChanged")) {
                JsonNode task = envelope.path("payload").path("task");
                String arn = task.path("taskArn").asText();
                String status = task.path("lastStatus").asText();
                if (TaskStatus.RUNNING.equals(status) && running.add(arn)) {
                    runningAt = grown(runningAt, running.size() - 1);
                    runningAt[running.size() - 1] = now;
                } else if (TaskStatus.STOPPED.equals(status)) {
                    stopped.add(arn);
                }
            }
        }
    }

    private static long[] grown(long[] times, int index) {
        return index < times.length ? times : Arrays.copyOf(times, times.length * 2);
    }

    /** When the {@code n}th placement was read, in {@link System#nanoTime()}; waits up to {@code deadline}. */
    long placed(int n, long deadlineNanos) throws InterruptedException {
        return await(n, deadlineNanos, true);
    }

    /** When the {@code n}th task was first recorded RUNNING. */
    long running(int n, long deadlineNanos) throws InterruptedException {
        return await(n, deadlineNanos, false);
    }

    private long await(int n, long deadlineNanos, boolean placements) throws InterruptedException {
        while (true) {
            if (failure != null) {
                throw failure;
            }
            synchronized (this) {
                int have = placements ? created : running.size();
                if (have >= n) {
                    return n == 0 ? System.nanoTime() : (placements ? createdAt : runningAt)[n - 1];
                }
            }
            if (System.nanoTime() > deadlineNanos) {
                return -1;
            }
            Thread.sleep(20);
        }
    }

    synchronized int created() {
        return created;
    }

    synchronized int runningCount() {
        return running.size();
    }

    synchronized int stoppedCount() {
        return stopped.size();
    }

    synchronized int events() {
        return events;
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join();
        consumer.close();
    }
}
