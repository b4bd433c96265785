package io.berth.core.cluster;

import io.berth.core.arn.Boundary;
import io.berth.core.event.BoundaryReset;
import io.berth.core.event.ClusterCreated;
import io.berth.core.event.ClusterDeleted;
import io.berth.core.event.ClusterUpdated;
import io.berth.core.event.ContainerInstanceChanged;
import io.berth.core.event.ContainerInstanceDeregistered;
import io.berth.core.event.ContainerInstanceRegistered;
import io.berth.core.event.Event;
import io.berth.core.event.ResourceTagged;
import io.berth.core.event.ResourceUntagged;
import io.berth.core.event.ServiceCreated;
import io.berth.core.event.ServiceDeleted;
import io.berth.core.event.ServiceDrained;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TaskCreated;
import io.berth.core.event.TasksExpired;
import io.berth.core.model.Cluster;
import io.berth.core.model.ClusterCounts;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Deployment;
import io.berth.core.model.Reservation;
import io.berth.core.model.Service;
import io.berth.core.model.Tag;
import io.berth.core.model.Task;
import io.berth.core.model.TaskStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a cluster boundary knows: the cluster, its services (by name, including DRAINING and
 * INACTIVE ones) and the tags of both. It changes only through {@link #apply(Event)}; deciders
 * read it and never change it.
 */
public final class ClusterState {

    /** A service with the client token it was created with (for CreateService idempotency). */
    public record ServiceEntry(Service service, String clientToken) {
    }

    /** The tasks a RunTask client token started, and the fingerprint of the request that started them. */
    public record RunTaskToken(String fingerprint, List<String> taskArns) {
    }

    /** The task group of a service's tasks is {@code service:<service name>} (ecs-semantics §3.4). */
    public static final String SERVICE_GROUP_PREFIX = "service:";

    private final Boundary boundary;
    private Cluster cluster;
    private final Map<String, ServiceEntry> services = new LinkedHashMap<>();
    private final Map<String, List<Tag>> tags = new HashMap<>();
    private final Map<String, ContainerInstance> instances = new LinkedHashMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    /** Task ARNs by the instance they are placed on: an index of {@link #tasks}, so usage is per instance. */
    private final Map<String, Set<String>> tasksByInstance = new HashMap<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final Map<String, RunTaskToken> runTaskTokens = new HashMap<>();
    /** Per service name: how many changes touched the service or its tasks (see {@link #serviceGeneration}). */
    private final Map<String, Long> serviceChanges = new HashMap<>();
    /** Per service name: changes that only moved one of its tasks forward toward RUNNING (see {@link #structuralGeneration}). */
    private final Map<String, Long> serviceProgress = new HashMap<>();
    private long instanceChanges;
    /** Per service name: its most recent COMPLETED deployment, the target of a rollback. */
    private final Map<String, Deployment> lastCompleted = new HashMap<>();
    /** Per service ARN: the newest service event message, so the scheduler does not repeat itself. */
    private final Map<String, String> lastServiceEvent = new HashMap<>();

    public ClusterState(Boundary boundary) {
        this.boundary = boundary;
    }

    /**
     * A state equal to this one that evolves on its own: what-if simulations apply events to a
     * copy, and a reader on another thread gets one that its writer will not change under it.
     * The maps are copied; their values are immutable records and lists.
     */
    public ClusterState copy() {
        ClusterState copy = new ClusterState(boundary);
        copy.cluster = cluster;
        copy.services.putAll(services);
        copy.tags.putAll(tags);
        copy.instances.putAll(instances);
        copy.tasks.putAll(tasks);
        tasksByInstance.forEach((instance, arns) -> copy.tasksByInstance.put(instance, new LinkedHashSet<>(arns)));
        copy.reservations.putAll(reservations);
        copy.runTaskTokens.putAll(runTaskTokens);
        copy.serviceChanges.putAll(serviceChanges);
        copy.serviceProgress.putAll(serviceProgress);
        copy.instanceChanges = instanceChanges;
        copy.lastCompleted.putAll(lastCompleted);
        copy.lastServiceEvent.putAll(lastServiceEvent);
        return copy;
    }

    public Boundary boundary() {
        return boundary;
    }

    public Optional<Cluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    public Optional<ServiceEntry> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    public Collection<ServiceEntry> services() {
        return services.values();
    }

    public List<Tag> tags(String arn) {
        return tags.getOrDefault(arn, List.of());
    }

    /** Every container instance ever registered here, INACTIVE ones included, by ARN. */
    public Collection<ContainerInstance> instances() {
        return instances.values();
    }

    public Optional<ContainerInstance> instance(String arn) {
        return Optional.ofNullable(instances.get(arn));
    }

    /** The tasks not yet expired, by ARN. */
    public Collection<Task> tasks() {
        return tasks.values();
    }

    /** The tasks (not yet expired) placed on an instance. */
    public List<Task> tasksOn(String instanceArn) {
        Set<String> arns = tasksByInstance.get(instanceArn);
        return arns == null ? List.of() : arns.stream().map(tasks::get).toList();
    }

    public Optional<Task> task(String arn) {
        return Optional.ofNullable(tasks.get(arn));
    }

    /** What a task that is not stopped holds on its instance. */
    public Reservation reservation(String taskArn) {
        return reservations.getOrDefault(taskArn, Reservation.NONE);
    }

    public Optional<RunTaskToken> runTaskToken(String clientToken) {
        return Optional.ofNullable(runTaskTokens.get(clientToken));
    }

    /**
     * A number that changes whenever anything a service's plan depends on changes: the service,
     * one of its tasks, or any container instance. The scheduler plans against a generation and
     * the decider applies the plan only at that same generation (optimistic concurrency).
     */
    public long serviceGeneration(String serviceName) {
        return structuralGeneration(serviceName) + serviceProgress.getOrDefault(serviceName, 0L);
    }

    /**
     * The {@link #serviceGeneration} without the changes that only moved a task of the service
     * forward toward RUNNING (PROVISIONING, PENDING, ACTIVATING, RUNNING) with the same desired
     * status and health. Such progress cannot make a launch wrong — the live tasks, the tasks that
     * count as healthy and the instances are the same — so a plan that only launches may apply
     * across it (the launches are re-checked for fit). Without this, a busy service whose tasks
     * report every few milliseconds had every plan refused until its reports stopped.
     */
    public long structuralGeneration(String serviceName) {
        return serviceChanges.getOrDefault(serviceName, 0L) + instanceChanges;
    }

    /** The service's most recent COMPLETED deployment, as it was when it completed. */
    public Optional<Deployment> lastCompletedDeployment(String serviceName) {
        return Optional.ofNullable(lastCompleted.get(serviceName));
    }

    /** The newest event message recorded for a service, if any. */
    public Optional<String> lastServiceEvent(String serviceArn) {
        return Optional.ofNullable(lastServiceEvent.get(serviceArn));
    }

    /** Counts as DescribeClusters shows them. */
    public ClusterCounts counts() {
        int active = (int) services.values().stream().filter(s -> s.service().isActive()).count();
        int registered = (int) instances.values().stream().filter(i -> !ContainerInstance.INACTIVE.equals(i.status()))
                .count();
        int running = (int) tasks.values().stream().filter(t -> TaskStatus.RUNNING.equals(t.lastStatus())).count();
        int pending = (int) tasks.values().stream()
                .filter(t -> !t.isStopped() && TaskStatus.rank(t.lastStatus()) < TaskStatus.rank(TaskStatus.RUNNING))
                .count();
        return new ClusterCounts(registered, running, pending, active);
    }

    public ClusterState apply(Event event) {
        if (event instanceof ClusterCreated e) {
            cluster = e.cluster();
            putTags(e.cluster().clusterArn(), e.tags());
        } else if (event instanceof ClusterUpdated e) {
            cluster = e.cluster();
        } else if (event instanceof ClusterDeleted e) {
            cluster = e.cluster();
        } else if (event instanceof ServiceCreated e) {
            services.put(e.service().serviceName(), new ServiceEntry(e.service(), e.clientToken()));
            putTags(e.service().serviceArn(), e.tags());
            serviceChanged(e.service());
        } else if (event instanceof ServiceUpdated e) {
            replaceService(e.service());
        } else if (event instanceof ServiceDeleted e) {
            replaceService(e.service());
        } else if (event instanceof ServiceDrained e) {
            replaceService(e.service());
        } else if (event instanceof ServiceEventRecorded e) {
            // The events[] window is kept by readers; only the newest message matters here.
            lastServiceEvent.put(e.serviceArn(), e.event().message());
        } else if (event instanceof ResourceTagged e) {
            putTags(e.resourceArn(), e.tags());
        } else if (event instanceof ResourceUntagged e) {
            putTags(e.resourceArn(), e.tags());
        } else if (event instanceof ContainerInstanceRegistered e) {
            instances.put(e.containerInstance().containerInstanceArn(), e.containerInstance());
            instanceChanges++;
        } else if (event instanceof ContainerInstanceChanged e) {
            instances.put(e.containerInstance().containerInstanceArn(), e.containerInstance());
            instanceChanges++;
        } else if (event instanceof ContainerInstanceDeregistered e) {
            instances.put(e.containerInstance().containerInstanceArn(), e.containerInstance());
            instanceChanges++;
        } else if (event instanceof TaskCreated e) {
            taskChanged(e.task());
            tasks.put(e.task().taskArn(), e.task());
            tasksByInstance.computeIfAbsent(e.task().containerInstanceArn(), k -> new LinkedHashSet<>())
                    .add(e.task().taskArn());
            reservations.put(e.task().taskArn(), e.reservation());
            if (e.clientToken() != null) {
                runTaskTokens.merge(e.clientToken(), new RunTaskToken(e.requestFingerprint(), List.of(e.task().taskArn())),
                        (a, b) -> new RunTaskToken(a.fingerprint(), concat(a.taskArns(), b.taskArns())));
            }
        } else if (event instanceof TaskChanged e) {
            Task before = tasks.get(e.task().taskArn());
            if (before != null && onlyProgressed(before, e.task())) {
                serviceGroup(e.task()).ifPresent(name -> serviceProgress.merge(name, 1L, Long::sum));
            } else {
                taskChanged(e.task());
            }
            tasks.put(e.task().taskArn(), e.task());
            if (e.task().isStopped()) {
                reservations.remove(e.task().taskArn());
            }
        } else if (event instanceof TasksExpired e) {
            e.taskArns().forEach(arn -> {
                task(arn).ifPresent(task -> {
                    taskChanged(task);
                    Set<String> onInstance = tasksByInstance.get(task.containerInstanceArn());
                    if (onInstance != null) {
                        onInstance.remove(arn);
                    }
                });
                tasks.remove(arn);
                reservations.remove(arn);
            });
        } else if (event instanceof BoundaryReset) {
            cluster = null;
            services.clear();
            tags.clear();
            instances.clear();
            tasks.clear();
            tasksByInstance.clear();
            reservations.clear();
            runTaskTokens.clear();
            serviceChanges.clear();
            serviceProgress.clear();
            instanceChanges = 0;
            lastCompleted.clear();
            lastServiceEvent.clear();
        } else {
            throw new IllegalStateException(event.getClass().getSimpleName()
                    + " does not belong to cluster boundary " + boundary);
        }
        return this;
    }

    private void replaceService(Service service) {
        ServiceEntry previous = services.get(service.serviceName());
        services.put(service.serviceName(), new ServiceEntry(service, previous == null ? null : previous.clientToken()));
        serviceChanged(service);
    }

    private void serviceChanged(Service service) {
        serviceChanges.merge(service.serviceName(), 1L, Long::sum);
        if (service.deployments() != null) {
            for (Deployment d : service.deployments()) {
                if (Deployment.COMPLETED.equals(d.rolloutState())) {
                    lastCompleted.put(service.serviceName(), d);
                }
            }
        }
    }

    /** A task of a service ({@code group = service:<name>}) changes that service's generation. */
    private void taskChanged(Task task) {
        serviceGroup(task).ifPresent(name -> serviceChanges.merge(name, 1L, Long::sum));
    }

    private static Optional<String> serviceGroup(Task task) {
        return task.group() != null && task.group().startsWith(SERVICE_GROUP_PREFIX)
                ? Optional.of(task.group().substring(SERVICE_GROUP_PREFIX.length())) : Optional.empty();
    }

    /** Whether {@code after} only moves {@code before} forward toward RUNNING: same desired status and health. */
    private static boolean onlyProgressed(Task before, Task after) {
        return !after.isStopped()
                && TaskStatus.rank(after.lastStatus()) <= TaskStatus.rank(TaskStatus.RUNNING)
                && TaskStatus.rank(after.lastStatus()) >= TaskStatus.rank(before.lastStatus())
                && Objects.equals(before.desiredStatus(), after.desiredStatus())
                && Objects.equals(before.healthStatus(), after.healthStatus());
    }

    private void putTags(String arn, List<Tag> newTags) {
        if (newTags == null || newTags.isEmpty()) {
            tags.remove(arn);
        } else {
            tags.put(arn, List.copyOf(newTags));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterState other && boundary.equals(other.boundary)
                && Objects.equals(cluster, other.cluster) && services.equals(other.services)
                && tags.equals(other.tags) && instances.equals(other.instances) && tasks.equals(other.tasks)
                && reservations.equals(other.reservations) && runTaskTokens.equals(other.runTaskTokens)
                && serviceChanges.equals(other.serviceChanges) && serviceProgress.equals(other.serviceProgress)
                && instanceChanges == other.instanceChanges
                && lastCompleted.equals(other.lastCompleted) && lastServiceEvent.equals(other.lastServiceEvent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(boundary, cluster, services, tags, instances, tasks);
    }

    @Override
    public String toString() {
        return "ClusterState[" + boundary + ", cluster=" + cluster + ", services=" + services.keySet() + "]";
    }
}
