package io.berth.agent.run;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Container;
import io.berth.agent.config.AgentConfig;
import io.berth.agent.docker.ContainerSpecs;
import io.berth.agent.docker.DockerRuntime;
import io.berth.agent.docker.Labels;
import io.berth.agent.gateway.GatewayClient;
import io.berth.agent.plan.Action;
import io.berth.agent.plan.ContainerReport;
import io.berth.agent.plan.DesiredTask;
import io.berth.agent.plan.ObservedContainer;
import io.berth.agent.plan.Plan;
import io.berth.agent.plan.TaskPlanner;
import io.berth.agent.plan.TaskReport;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Keeps Docker in step with the tasks assigned to this instance: observe this agent's containers,
 * plan each task ({@link TaskPlanner}), run the plan's actions on a worker (one action batch per
 * task at a time, so a slow pull or stop holds up nobody else), report what changed, remove the
 * containers of tasks that are no longer assigned.
 */
final class Supervisor implements Runnable {

    private static final Logger LOG = Logger.getLogger(Supervisor.class);
    private static final String STOPPED = TaskStatus.STOPPED;

    private final AgentConfig config;
    private final DockerRuntime docker;
    private final GatewayClient gateway;
    private final PauseContainers pauses;
    private final LogShipper logs;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, TaskRecord> records = new ConcurrentHashMap<>();
    private final Set<String> presentImages = ConcurrentHashMap.newKeySet();
    private final Set<String> removing = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "berth-agent-worker");
        t.setDaemon(true);
        return t;
    });
    private final Object wake = new Object();
    private volatile boolean running = true;
    private volatile boolean woken;
    /** Nothing is reconciled before the first assignment: every container would look unassigned. */
    private volatile boolean assigned;

    Supervisor(AgentConfig config, DockerRuntime docker, GatewayClient gateway) {
        this.config = config;
        this.docker = docker;
        this.gateway = gateway;
        this.pauses = new PauseContainers(config, docker);
        this.logs = new LogShipper(docker, gateway);
    }

    /** A new assignment: the whole set of tasks this instance must hold. */
    void assign(Map<String, DesiredTask> desired) {
        desired.forEach((arn, task) -> records.computeIfAbsent(arn, k -> new TaskRecord(task)).desired = task);
        records.keySet().retainAll(desired.keySet());
        assigned = true;
        wake();
    }

    void stop() {
        running = false;
        wake();
        workers.shutdownNow();
    }

    void wake() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    LogShipper logs() {
        return logs;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (assigned) {
                    reconcile();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("reconciling with Docker failed; trying again", e);
            }
            synchronized (wake) {
                if (!woken) {
                    try {
                        wake.wait(config.observeInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    private void reconcile() {
        Map<String, Map<String, String>> containersByTask = new HashMap<>();
        Map<String, String> pauseByTask = new HashMap<>();
        for (Container container : docker.ownContainers()) {
            String taskArn = container.getLabels().get(Labels.TASK_ARN);
            if (taskArn == null) {
                continue;
            }
            if (container.getLabels().containsKey(Labels.PAUSE)) {
                pauseByTask.put(taskArn, container.getId());
            } else {
                containersByTask.computeIfAbsent(taskArn, k -> new LinkedHashMap<>())
                        .put(container.getLabels().get(Labels.CONTAINER_NAME), container.getId());
            }
        }
        for (TaskRecord record : records.values()) {
            if (!record.busy && !record.settled()) {
                reconcile(record, containersByTask.getOrDefault(record.desired.task().taskArn(), Map.of()),
                        pauseByTask.get(record.desired.task().taskArn()));
            }
        }
        Set<String> unassigned = new HashSet<>(containersByTask.keySet());
        unassigned.addAll(pauseByTask.keySet());
        unassigned.removeAll(records.keySet());
        for (String taskArn : unassigned) {
            List<String> ids = new ArrayList<>(containersByTask.getOrDefault(taskArn, Map.of()).values());
            if (pauseByTask.containsKey(taskArn)) {
                ids.add(pauseByTask.get(taskArn));
            }
            if (removing.add(taskArn)) {
                workers.submit(() -> removeAll(taskArn, ids));
            }
        }
    }

    private void reconcile(TaskRecord record, Map<String, String> containers, String pauseId) {
        DesiredTask desired = record.desired;
        ObservedContainer pause = pauseId == null ? null : docker.observe("pause", pauseId);
        String address = pause == null ? null : pause.ipAddress();
        Map<String, ObservedContainer> observed = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : containers.entrySet()) {
            ObservedContainer o = docker.observe(c.getKey(), c.getValue());
            if (address != null && !address.isEmpty()) {
                o = new ObservedContainer(o.containerName(), o.dockerId(), o.state(), o.exitCode(), o.health(),
                        o.oomKilled(), o.error(), o.networkBindings(), address);
            }
            observed.put(c.getKey(), o);
            ContainerDefinition definition = desired.container(c.getKey());
            if (definition != null) {
                logs.follow(desired, definition, o);
            }
        }
        Plan plan = TaskPlanner.plan(desired, observed, record.progress(Set.copyOf(presentImages)));
        // An awsvpc task is STOPPED once its network namespace is gone too: the pause container is
        // stopped first, and the next round reports.
        boolean releasePause = pause != null && pause.isRunning() && STOPPED.equals(plan.report().status());
        if (!releasePause) {
            if (plan.ranThrough().isPresent() && !record.reachedRunning()
                    && TaskStatus.rank(plan.report().status()) > TaskStatus.rank(TaskStatus.RUNNING)) {
                report(record, plan.ranThrough().get());
            }
            report(record, plan.report());
        }
        if (!plan.actions().isEmpty() || releasePause) {
            record.busy = true;
            workers.submit(() -> {
                try {
                    execute(record, plan.actions(), containers, pauseId);
                    if (releasePause) {
                        docker.stop(pauseId, 1);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "acting on task %s failed", desired.task().taskArn());
                } finally {
                    record.busy = false;
                    wake();
                }
            });
        }
    }

    private void execute(TaskRecord record, List<Action> actions, Map<String, String> containers, String pauseId) {
        DesiredTask desired = record.desired;
        String networkContainer = pauseId;
        for (Action action : actions) {
            if (action instanceof Action.Pull pull) {
                pull(record, pull.image());
            } else if (action instanceof Action.Create create) {
                record.imagesReady(clock.instant());
                try {
                    if ("awsvpc".equals(desired.networkMode())) {
                        networkContainer = pauses.ensure(desired.task(), networkContainer);
                    }
                    ContainerDefinition definition = desired.container(create.containerName());
                    String id = docker.create(ContainerSpecs.configure(docker.createCommand(definition.image()),
                            config.name(), desired.task(), desired.definition(), definition, networkContainer));
                    if (create.startAtOnce()) {
                        start(record, create.containerName(), id);
                    }
                } catch (ConflictException exists) {
                    // created by an earlier attempt: it is observed next time round
                } catch (Exception e) {
                    record.containerErrors.put(create.containerName(), "CannotCreateContainerError: " + message(e));
                }
            } else if (action instanceof Action.Start start) {
                start(record, start.containerName(), containers.get(start.containerName()));
            } else if (action instanceof Action.Stop stop) {
                docker.stop(containers.get(stop.containerName()), stop.timeoutSeconds());
            }
        }
    }

    private void start(TaskRecord record, String containerName, String dockerId) {
        try {
            logs.startedHere(dockerId);
            docker.start(dockerId);
        } catch (RuntimeException e) {
            record.containerErrors.put(containerName, "CannotStartContainerError: " + message(e));
        }
    }

    private void pull(TaskRecord record, String image) {
        if (docker.imagePresent(image)) {
            presentImages.add(image);
            return;
        }
        if (record.pullStartedAt == null) {
            record.pullStartedAt = clock.instant();
        }
        try {
            docker.pull(image);
            presentImages.add(image);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            record.pullErrors.put(image, "pull image manifest has been retried 1 time(s): failed to resolve ref "
                    + image + ": " + message(e));
        } finally {
            record.pullStoppedAt = clock.instant();
        }
    }

    /** Sends the task's state when it differs from what was last sent. */
    private void report(TaskRecord record, TaskReport report) {
        if (report.equals(record.lastReported) || record.settled()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cluster", record.desired.task().clusterArn());
        body.put("task", record.desired.task().taskArn());
        body.put("status", report.status());
        if (report.reason() != null) {
            body.put("reason", report.reason());
        }
        body.put("containers", report.containers().stream().map(Supervisor::containerChange).toList());
        putInstant(body, "pullStartedAt", record.pullStartedAt);
        putInstant(body, "pullStoppedAt", record.pullStoppedAt);
        if (STOPPED.equals(report.status())) {
            putInstant(body, "executionStoppedAt", clock.instant());
        }
        try {
            gateway.post("/task-state", body);
            record.lastReported = report;
        } catch (Exception e) {
            LOG.warnf("reporting task %s failed (%s); will report again", record.desired.task().taskArn(),
                    e.getMessage());
        }
    }

    private static Map<String, Object> containerChange(ContainerReport c) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("containerName", c.containerName());
        change.put("status", c.status());
        if (c.exitCode() != null) {
            change.put("exitCode", c.exitCode());
        }
        if (c.reason() != null) {
            change.put("reason", c.reason());
        }
        if (c.runtimeId() != null) {
            change.put("runtimeId", c.runtimeId());
        }
        change.put("networkBindings", c.networkBindings());
        if (c.healthStatus() != null) {
            change.put("healthStatus", c.healthStatus());
        }
        if (!c.networkInterfaces().isEmpty()) {
            change.put("networkInterfaces", c.networkInterfaces());
        }
        return change;
    }

    private static void putInstant(Map<String, Object> body, String member, Instant value) {
        if (value != null) {
            body.put(member, value);
        }
    }

    private void removeAll(String taskArn, List<String> dockerIds) {
        try {
            for (String id : dockerIds) {
                logs.forget(id);
                docker.stop(id, 2);
                docker.remove(id);
            }
        } catch (RuntimeException e) {
            LOG.warnf("removing the containers of %s failed: %s", taskArn, e.getMessage());
        } finally {
            removing.remove(taskArn);
        }
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }
}
