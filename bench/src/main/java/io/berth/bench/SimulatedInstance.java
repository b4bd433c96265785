package io.berth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.json.Json;
import io.berth.core.model.TaskStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated container instance of a {@link SimulatedFleet}: registers as the real agent does
 * ({@code Identity}), long-polls its whole assignment ({@code Assignments}) and, instead of running
 * containers, reports each new task PENDING and then RUNNING, and STOPPED once it is told to stop.
 * It also checks what it is given: the tasks not yet stopped must fit in what it registered.
 */
final class SimulatedInstance {

    /** Registered resources: CPU units and MiB of memory. */
    record Size(int cpu, int memory) {
    }

    /** What was last reported of one task; a report in flight is not sent again. */
    private static final class Reports {
        String desired;
        String cluster;
        List<String> containers;
        String sent;
        boolean inFlight;
    }

    private static final String AGENT_VERSION = "0.1.0-simulated";
    private static final long RETRY_MILLIS = 1_000;

    private final AgentChannel channel;
    private final FleetCounters counters;
    private final String cluster;
    private final String name;
    private final Size size;
    private final String zone;
    private final String region;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Reports> tasks = new ConcurrentHashMap<>();
    private final AtomicBoolean heartbeating = new AtomicBoolean();
    private volatile String arn;
    private volatile boolean running = true;

    SimulatedInstance(AgentChannel channel, FleetCounters counters, String cluster, String name, Size size,
            String zone, String region) {
        this.channel = channel;
        this.counters = counters;
        this.cluster = cluster;
        this.name = name;
        this.size = size;
        this.zone = zone;
        this.region = region;
    }

    String arn() {
        return arn;
    }

    CompletableFuture<String> register() {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("cluster", cluster);
        ArrayNode resources = request.putArray("totalResources");
        resources.addObject().put("name", "CPU").put("type", "INTEGER").put("integerValue", size.cpu());
        resources.addObject().put("name", "MEMORY").put("type", "INTEGER").put("integerValue", size.memory());
        request.putObject("versionInfo").put("agentVersion", AGENT_VERSION).put("agentHash", "bench")
                .put("dockerVersion", "DockerVersion: none (simulated)");
        request.put("instanceIdentityDocument", Json.toString(Map.of("instanceId", "i-" + name,
                "availabilityZone", zone, "region", region)));
        ArrayNode attributes = request.putArray("attributes");
        Map<String, String> all = new LinkedHashMap<>();
        all.put(SimulatedFleet.ATTRIBUTE, SimulatedFleet.ATTRIBUTE_VALUE);
        all.put("ecs.os-type", "linux");
        all.put("ecs.os-family", "LINUX");
        all.put("ecs.cpu-architecture", "x86_64");
        all.put("ecs.availability-zone", zone);
        all.forEach((attribute, value) -> attributes.addObject().put("name", attribute).put("value", value));
        return channel.post("/register", request).thenApply(answer -> {
            arn = answer.path("containerInstance").path("containerInstanceArn").asText();
            counters.registered.incrementAndGet();
            return arn;
        });
    }

    void startPolling() {
        poll(-1);
    }

    void stop() {
        running = false;
    }

    /** One heartbeat, unless the last is still under way (an overloaded gateway gets no pile-up). */
    void heartbeat() {
        if (!running || arn == null || !heartbeating.compareAndSet(false, true)) {
            return;
        }
        channel.postNow("/heartbeat", Map.of("cluster", cluster, "containerInstanceArn", arn))
                .whenComplete((answer, error) -> {
                    heartbeating.set(false);
                    if (error != null) {
                        counters.heartbeatFailures.incrementAndGet();
                        counters.failed("heartbeat", error);
                    } else {
                        counters.heartbeats.incrementAndGet();
                    }
                });
    }

    private void poll(long after) {
        if (!running) {
            return;
        }
        channel.assignment(arn, after).whenComplete((answer, error) -> {
            if (!running) {
                return;
            }
            if (error != null) {
                counters.assignmentFailures.incrementAndGet();
                counters.failed("assignment", error);
                CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS).execute(() -> poll(after));
                return;
            }
            counters.assignments.incrementAndGet();
            try {
                assigned(answer);
            } catch (RuntimeException e) {
                counters.failed("reading an assignment", e);
            }
            poll(answer.path("generation").asLong(after));
        });
    }

    private void assigned(JsonNode answer) {
        long cpu = 0;
        long memory = 0;
        int live = 0;
        Set<String> present = new HashSet<>();
        for (JsonNode item : answer.path("tasks")) {
            JsonNode task = item.path("task");
            String taskArn = task.path("taskArn").asText();
            String last = task.path("lastStatus").asText(TaskStatus.PROVISIONING);
            present.add(taskArn);
            if (!TaskStatus.STOPPED.equals(last)) {
                int[] needs = needs(item.path("taskDefinition"));
                cpu += needs[0];
                memory += needs[1];
                live++;
            }
            Reports reports = tasks.computeIfAbsent(taskArn, k -> new Reports());
            synchronized (reports) {
                reports.desired = task.path("desiredStatus").asText(TaskStatus.RUNNING);
                reports.cluster = task.path("clusterArn").asText(cluster);
                reports.containers = containerNames(item.path("taskDefinition"));
                if (reports.sent == null || TaskStatus.rank(last) > TaskStatus.rank(reports.sent)) {
                    reports.sent = last;
                }
            }
            advance(taskArn, reports);
        }
        tasks.keySet().retainAll(present);
        if (cpu > size.cpu() || memory > size.memory()) {
            counters.overcommitted(arn, String.format("%d live tasks reserve %d CPU units and %d MiB of the %d and %d "
                    + "registered", live, cpu, memory, size.cpu(), size.memory()));
        }
    }

    /** Sends the task's next report toward what it is asked to be: PENDING, RUNNING, or STOPPED. */
    private void advance(String taskArn, Reports reports) {
        String next;
        String taskCluster;
        List<String> containers;
        synchronized (reports) {
            String target = TaskStatus.STOPPED.equals(reports.desired) ? TaskStatus.STOPPED : TaskStatus.RUNNING;
            int have = TaskStatus.rank(reports.sent);
            if (!running || reports.inFlight || have >= TaskStatus.rank(target)) {
                return;
            }
            next = target.equals(TaskStatus.STOPPED) ? TaskStatus.STOPPED
                    : have < TaskStatus.rank(TaskStatus.PENDING) ? TaskStatus.PENDING : TaskStatus.RUNNING;
            reports.inFlight = true;
            taskCluster = reports.cluster;
            containers = reports.containers;
        }
        channel.post("/task-state", report(taskCluster, taskArn, next, containers)).whenComplete((answer, error) -> {
            synchronized (reports) {
                reports.inFlight = false;
                if (error == null && TaskStatus.rank(next) > TaskStatus.rank(reports.sent)) {
                    reports.sent = next;
                }
            }
            if (error != null) {
                // reported again with the next assignment answer, which comes within 20 s
                counters.reportFailures.incrementAndGet();
                counters.failed("task-state " + next, error);
            } else {
                counters.reported(next);
                advance(taskArn, reports);
            }
        });
    }

    private Map<String, Object> report(String taskCluster, String taskArn, String status, List<String> containers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cluster", taskCluster);
        body.put("task", taskArn);
        body.put("status", status);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String container : containers) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("containerName", container);
            change.put("status", status);
            change.put("runtimeId", "simulated-" + taskArn.substring(taskArn.lastIndexOf('/') + 1) + "-" + container);
            change.put("networkBindings", List.of());
            if (TaskStatus.STOPPED.equals(status)) {
                change.put("exitCode", 0);
            }
            changes.add(change);
        }
        body.put("containers", changes);
        if (TaskStatus.STOPPED.equals(status)) {
            body.put("executionStoppedAt", clock.instant());
        }
        return body;
    }

    private static List<String> containerNames(JsonNode definition) {
        List<String> names = new ArrayList<>();
        definition.path("containerDefinitions").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    /**
     * CPU units and MiB a task holds, worked out here rather than taken from Berth so the check is
     * independent: the task-level sizes when set, else the sum of its containers' (hard memory
     * limit, or the soft one when only that is set).
     */
    static int[] needs(JsonNode definition) {
        int cpu = 0;
        int memory = 0;
        for (JsonNode c : definition.path("containerDefinitions")) {
            cpu += c.path("cpu").asInt(0);
            memory += c.has("memory") ? c.path("memory").asInt() : c.path("memoryReservation").asInt(0);
        }
        if (definition.hasNonNull("cpu")) {
            cpu = Integer.parseInt(definition.path("cpu").asText());
        }
        if (definition.hasNonNull("memory")) {
            memory = Integer.parseInt(definition.path("memory").asText());
        }
        return new int[] {cpu, memory};
    }
}
