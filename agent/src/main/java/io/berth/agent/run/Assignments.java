package io.berth.agent.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.agent.gateway.GatewayClient;
import io.berth.agent.plan.DesiredTask;
import io.berth.core.json.Json;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.core.task.EffectiveContainers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Long-polls the tasks assigned to this instance. Each answer is the whole assignment (with the
 * task definitions), handed on as it is; a failed poll is retried with a growing pause.
 */
final class Assignments implements Runnable {

    private static final Logger LOG = Logger.getLogger(Assignments.class);

    private final GatewayClient gateway;
    private final String instanceArn;
    private final Consumer<Map<String, DesiredTask>> onAssignment;
    private volatile boolean running = true;

    Assignments(GatewayClient gateway, String instanceArn, Consumer<Map<String, DesiredTask>> onAssignment) {
        this.gateway = gateway;
        this.instanceArn = instanceArn;
        this.onAssignment = onAssignment;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long generation = -1;
        long pause = 250;
        while (running) {
            try {
                JsonNode answer = gateway.get("/tasks?containerInstance="
                        + URLEncoder.encode(instanceArn, StandardCharsets.UTF_8) + "&after=" + generation);
                generation = answer.path("generation").asLong();
                onAssignment.accept(parse(answer));
                pause = 250;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("polling assignments failed (%s); retrying in %d ms", e.getMessage(), pause);
                sleep(pause);
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    static Map<String, DesiredTask> parse(JsonNode answer) {
        Map<String, DesiredTask> tasks = new LinkedHashMap<>();
        for (JsonNode item : answer.path("tasks")) {
            Task task = Json.convert(item.path("task"), Task.class);
            TaskDefinition definition = Json.convert(item.path("taskDefinition"), TaskDefinition.class);
            tasks.put(task.taskArn(), new DesiredTask(task, definition, EffectiveContainers.of(definition,
                    task.overrides()),
                    definition.networkMode() == null ? "bridge" : definition.networkMode()));
        }
        return tasks;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
