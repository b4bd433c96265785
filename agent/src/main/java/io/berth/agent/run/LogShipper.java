package io.berth.agent.run;

import com.github.dockerjava.api.model.Frame;
import io.berth.agent.docker.DockerRuntime;
import io.berth.agent.gateway.GatewayClient;
import io.berth.agent.plan.DesiredTask;
import io.berth.agent.plan.ObservedContainer;
import io.berth.core.agent.LogBatch;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.LogConfiguration;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Ships container output to the control plane, where it is read with CloudWatch Logs' GetLogEvents
 * and FilterLogEvents. Containers with the {@code awslogs} driver go to their
 * {@code awslogs-group}, stream {@code <awslogs-stream-prefix>/<container>/<task id>} as in ECS;
 * others to group {@code /berth/<cluster>}, stream {@code <family>/<container>/<task id>}.
 *
 * <p>Output of containers this agent started is shipped from their start; of containers it adopted
 * after a restart, from the moment it adopted them (what they printed meanwhile stays in Docker).
 */
final class LogShipper {

    private static final Logger LOG = Logger.getLogger(LogShipper.class);

    private final DockerRuntime docker;
    private final GatewayClient gateway;
    private final Map<String, Closeable> following = new ConcurrentHashMap<>();
    private final Map<String, Stream> buffers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> startedHere = new ConcurrentHashMap<>();

    /** One log stream's pending events. */
    private record Stream(String group, String name, List<LogBatch.LogEvent> events) {
    }

    LogShipper(DockerRuntime docker, GatewayClient gateway) {
        this.docker = docker;
        this.gateway = gateway;
    }

    /** Marks a container as started by this agent: its whole output is shipped. */
    void startedHere(String dockerId) {
        startedHere.put(dockerId, true);
    }

    /**
     * Follows a container's output, once: a running container's, or the whole output of one this
     * agent started that already exited (a short job can end between two looks at Docker).
     */
    void follow(DesiredTask task, ContainerDefinition container, ObservedContainer observed) {
        String dockerId = observed.dockerId();
        boolean worthFollowing = observed.isRunning() || (observed.hasExited() && startedHere.containsKey(dockerId));
        if (following.containsKey(dockerId) || !worthFollowing) {
            return;
        }
        String[] stream = streamOf(task, container);
        Stream buffer = buffers.computeIfAbsent(stream[0] + "\n" + stream[1],
                k -> new Stream(stream[0], stream[1], new ArrayList<>()));
        int since = startedHere.containsKey(dockerId) ? 0 : (int) Instant.now().getEpochSecond();
        following.put(dockerId, docker.followLogs(dockerId, since, frame -> append(buffer, frame)));
    }

    /** Sends what has accumulated; called periodically. */
    void flush() {
        for (Stream stream : buffers.values()) {
            List<LogBatch.LogEvent> batch;
            synchronized (stream.events()) {
                if (stream.events().isEmpty()) {
                    continue;
                }
                batch = new ArrayList<>(stream.events());
                stream.events().clear();
            }
            try {
                gateway.post("/logs", Map.of("logGroupName", stream.group(), "logStreamName", stream.name(),
                        "logEvents", batch));
            } catch (Exception e) {
                LOG.warnf("shipping %d log events of %s failed: %s", batch.size(), stream.name(), e.getMessage());
                synchronized (stream.events()) {
                    stream.events().addAll(0, batch);
                }
            }
        }
    }

    /** Stops following containers that are gone. */
    void forget(String dockerId) {
        Closeable follower = following.remove(dockerId);
        startedHere.remove(dockerId);
        if (follower != null) {
            try {
                follower.close();
            } catch (IOException ignored) {
                // the stream is over either way
            }
        }
    }

    private static void append(Stream stream, Frame frame) {
        String line = new String(frame.getPayload(), StandardCharsets.UTF_8).stripTrailing();
        int space = line.indexOf(' ');
        long timestamp = System.currentTimeMillis();
        String message = line;
        if (space > 0) {
            try {
                timestamp = Instant.parse(line.substring(0, space)).toEpochMilli();
                message = line.substring(space + 1);
            } catch (DateTimeParseException notATimestamp) {
                // a continuation of a long line: keep it whole
            }
        }
        synchronized (stream.events()) {
            stream.events().add(new LogBatch.LogEvent(timestamp, message));
        }
    }

    static String[] streamOf(DesiredTask task, ContainerDefinition container) {
        LogConfiguration logs = container.logConfiguration();
        String taskId = task.task().id();
        if (logs != null && "awslogs".equals(logs.logDriver()) && logs.options() != null
                && logs.options().get("awslogs-group") != null) {
            String prefix = logs.options().get("awslogs-stream-prefix");
            String name = prefix == null ? container.name() + "/" + taskId : prefix + "/" + container.name() + "/" + taskId;
            return new String[] {logs.options().get("awslogs-group"), name};
        }
        String cluster = task.task().clusterArn().substring(task.task().clusterArn().lastIndexOf('/') + 1);
        return new String[] {"/berth/" + cluster, task.definition().family() + "/" + container.name() + "/" + taskId};
    }
}
