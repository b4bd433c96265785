package io.berth.projection.apply;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Boundary;
import io.berth.core.event.BoundaryReset;
import io.berth.core.event.ClusterCreated;
import io.berth.core.event.ClusterDeleted;
import io.berth.core.event.ClusterUpdated;
import io.berth.core.event.ContainerInstanceChanged;
import io.berth.core.event.ContainerInstanceDeregistered;
import io.berth.core.event.ContainerInstanceRegistered;
import io.berth.core.event.Event;
import io.berth.core.event.EventEnvelope;
import io.berth.core.event.ResourceTagged;
import io.berth.core.event.ResourceUntagged;
import io.berth.core.event.ServiceCreated;
import io.berth.core.event.ServiceDeleted;
import io.berth.core.event.ServiceDrained;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TaskCreated;
import io.berth.core.event.TaskDefinitionDeleteRequested;
import io.berth.core.event.TaskDefinitionDeregistered;
import io.berth.core.event.TaskDefinitionRegistered;
import io.berth.core.event.TasksExpired;
import io.berth.core.model.Cluster;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Reservation;
import io.berth.core.model.Service;
import io.berth.core.model.Tag;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.projection.apply.ViewRows.AuditRow;
import io.berth.projection.apply.ViewRows.ClusterRow;
import io.berth.projection.apply.ViewRows.ContainerInstanceRow;
import io.berth.projection.apply.ViewRows.ServiceEventRow;
import io.berth.projection.apply.ViewRows.ServiceRow;
import io.berth.projection.apply.ViewRows.TagSet;
import io.berth.projection.apply.ViewRows.TaskDefinitionRow;
import io.berth.projection.apply.ViewRows.TaskRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch of records does to the views, folded in log order into the final row of each
 * key: a resource updated five times in the batch is written once. Applying the changes in
 * {@link ViewSql}'s statement order gives the same rows as applying the events one by one,
 * because a {@link BoundaryReset} also drops whatever the batch had gathered for that boundary
 * before it, {@link TasksExpired} drops the tasks it forgets, and the deletes of both run before
 * every upsert. The deployment history merges rather than replaces ({@link ServiceDeploymentChanges}).
 *
 * <p>Pure: records and the offsets already applied in, rows out. Records below a partition's
 * applied offset are redeliveries and change nothing.
 */
public final class ViewChanges implements FoldedBatch {

    /** ECS keeps a service's newest 100 events. */
    public static final int SERVICE_EVENTS_KEPT = 100;

    private final String topic;
    private final BatchOffsets offsets;
    private final Set<String> resetBoundaries = new LinkedHashSet<>();
    private final Set<String> expiredTasks = new LinkedHashSet<>();
    private final Map<String, ClusterRow> clusters = new LinkedHashMap<>();
    private final Map<String, TaskDefinitionRow> taskDefinitions = new LinkedHashMap<>();
    private final Map<String, ServiceRow> services = new LinkedHashMap<>();
    private final Map<String, ContainerInstanceRow> containerInstances = new LinkedHashMap<>();
    private final Map<String, TaskRow> tasks = new LinkedHashMap<>();
    private final Map<String, TagSet> tagSets = new LinkedHashMap<>();
    /** Services created anew in this batch (ARN to boundary key): their earlier events[] are gone. */
    private final Map<String, String> restartedServices = new LinkedHashMap<>();
    private final Map<String, Deque<ServiceEventRow>> serviceEvents = new LinkedHashMap<>();
    private final List<AuditRow> audit = new ArrayList<>();
    private final ServiceDeploymentChanges deployments = new ServiceDeploymentChanges();

    private ViewChanges(String topic, BatchOffsets offsets) {
        this.topic = topic;
        this.offsets = offsets;
    }

    /**
     * Folds the records of one topic. {@code applied} holds each partition's next offset to apply
     * as stored with the views (a partition missing from it starts at 0).
     */
    public static ViewChanges fold(String topic, Collection<LogRecord> records, Map<Integer, Long> applied) {
        ViewChanges changes = new ViewChanges(topic, BatchOffsets.of(records, applied));
        for (LogRecord record : records) {
            changes.add(record);
        }
        return changes;
    }

    private void add(LogRecord record) {
        if (!offsets.admit(record)) {
            return;
        }
        EventEnvelope envelope;
        Event event;
        try {
            EventDecoder.Decoded decoded = EventDecoder.decode(record.value());
            envelope = decoded.envelope();
            event = decoded.event();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the event at " + topic + "-" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage(), e);
        }
        audit.add(new AuditRow(topic, record.partition(), record.offset(), envelope.eventId(), envelope.account(),
                envelope.region(), envelope.resourceArn(), envelope.type(), envelope.actor(), envelope.time(),
                envelope.correlationId(), envelope.causationId()));
        apply(envelope, event, record);
    }

    private void apply(EventEnvelope envelope, Event event, LogRecord record) {
        String boundary = envelope.partitionKey();
        if (event instanceof ClusterCreated e) {
            putCluster(envelope, e.cluster());
            putTags(envelope, e.cluster().clusterArn(), e.tags());
        } else if (event instanceof ClusterUpdated e) {
            putCluster(envelope, e.cluster());
        } else if (event instanceof ClusterDeleted e) {
            putCluster(envelope, e.cluster());
        } else if (event instanceof ServiceCreated e) {
            deployments.restart(e.service().serviceArn());
            putService(envelope, e.service());
            putTags(envelope, e.service().serviceArn(), e.tags());
            serviceEvents.remove(e.service().serviceArn());
            restartedServices.put(e.service().serviceArn(), boundary);
        } else if (event instanceof ServiceUpdated e) {
            putService(envelope, e.service());
        } else if (event instanceof ServiceDeleted e) {
            putService(envelope, e.service());
        } else if (event instanceof ServiceDrained e) {
            putService(envelope, e.service());
        } else if (event instanceof ServiceEventRecorded e) {
            Deque<ServiceEventRow> window = serviceEvents.computeIfAbsent(e.serviceArn(), arn -> new ArrayDeque<>());
            window.addLast(new ServiceEventRow(e.serviceArn(), record.partition(), record.offset(), boundary,
                    e.event().id(), e.event().createdAt(), e.event().message()));
            if (window.size() > SERVICE_EVENTS_KEPT) {
                window.removeFirst();
            }
        } else if (event instanceof TaskDefinitionRegistered e) {
            putTaskDefinition(envelope, e.taskDefinition());
            putTags(envelope, e.taskDefinition().taskDefinitionArn(), e.tags());
        } else if (event instanceof TaskDefinitionDeregistered e) {
            putTaskDefinition(envelope, e.taskDefinition());
        } else if (event instanceof TaskDefinitionDeleteRequested e) {
            putTaskDefinition(envelope, e.taskDefinition());
        } else if (event instanceof ResourceTagged e) {
            putTags(envelope, e.resourceArn(), e.tags());
        } else if (event instanceof ResourceUntagged e) {
            putTags(envelope, e.resourceArn(), e.tags());
        } else if (event instanceof ContainerInstanceRegistered e) {
            putContainerInstance(envelope, e.containerInstance());
        } else if (event instanceof ContainerInstanceChanged e) {
            putContainerInstance(envelope, e.containerInstance());
        } else if (event instanceof ContainerInstanceDeregistered e) {
            putContainerInstance(envelope, e.containerInstance());
        } else if (event instanceof TaskCreated e) {
            putTask(envelope, e.task(), e.reservation());
        } else if (event instanceof TaskChanged e) {
            putTask(envelope, e.task(), null);
        } else if (event instanceof TasksExpired e) {
            e.taskArns().forEach(arn -> {
                tasks.remove(arn);
                expiredTasks.add(arn);
            });
        } else if (event instanceof BoundaryReset e) {
            reset(e.boundaryKey());
        } else {
            throw new IllegalStateException("no view takes " + event.getClass().getSimpleName());
        }
    }

    private void putCluster(EventEnvelope envelope, Cluster cluster) {
        clusters.put(cluster.clusterArn(), new ClusterRow(envelope.account(), envelope.region(),
                envelope.partitionKey(), cluster));
    }

    private void putService(EventEnvelope envelope, Service service) {
        String clusterName = service.clusterArn().substring(service.clusterArn().lastIndexOf('/') + 1);
        services.put(service.serviceArn(), new ServiceRow(envelope.account(), envelope.region(), clusterName,
                envelope.partitionKey(), service));
        deployments.observe(envelope, service);
    }

    private void putContainerInstance(EventEnvelope envelope, ContainerInstance instance) {
        Boundary boundary = Boundary.fromKey(envelope.partitionKey());
        containerInstances.put(instance.containerInstanceArn(), new ContainerInstanceRow(envelope.account(),
                envelope.region(), Arns.cluster(boundary.scope(), boundary.clusterName()), envelope.partitionKey(),
                instance));
    }

    /** A change without a reservation keeps the one a TaskCreated earlier in the batch recorded. */
    private void putTask(EventEnvelope envelope, Task task, Reservation reservation) {
        TaskRow earlier = tasks.get(task.taskArn());
        Reservation held = reservation != null || earlier == null ? reservation : earlier.reservation();
        tasks.put(task.taskArn(), new TaskRow(envelope.account(), envelope.region(), envelope.partitionKey(), task,
                held));
    }

    private void putTaskDefinition(EventEnvelope envelope, TaskDefinition taskDefinition) {
        taskDefinitions.put(taskDefinition.taskDefinitionArn(), new TaskDefinitionRow(envelope.account(),
                envelope.region(), envelope.partitionKey(), taskDefinition));
    }

    private void putTags(EventEnvelope envelope, String resourceArn, List<Tag> tags) {
        tagSets.put(resourceArn, new TagSet(resourceArn, envelope.account(), envelope.region(),
                envelope.partitionKey(), tags == null ? List.of() : List.copyOf(tags)));
    }

    /** Forgets the boundary: its rows are deleted first, and what this batch gathered for it so far is dropped. */
    private void reset(String boundaryKey) {
        resetBoundaries.add(boundaryKey);
        clusters.values().removeIf(row -> row.boundaryKey().equals(boundaryKey));
        taskDefinitions.values().removeIf(row -> row.boundaryKey().equals(boundaryKey));
        services.values().removeIf(row -> row.boundaryKey().equals(boundaryKey));
        containerInstances.values().removeIf(row -> row.boundaryKey().equals(boundaryKey));
        tasks.values().removeIf(row -> row.boundaryKey().equals(boundaryKey));
        tagSets.values().removeIf(set -> set.boundaryKey().equals(boundaryKey));
        restartedServices.values().removeIf(key -> key.equals(boundaryKey));
        serviceEvents.values().removeIf(window -> window.getFirst().boundaryKey().equals(boundaryKey));
        deployments.reset(boundaryKey);
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Map<Integer, Long> appliedBefore() {
        return offsets.appliedBefore();
    }

    @Override
    public Map<Integer, Long> nextOffsets() {
        return offsets.next();
    }

    /** Events applied (records below the stored offsets are not counted). */
    @Override
    public int appliedCount() {
        return audit.size();
    }

    @Override
    public int skippedCount() {
        return offsets.skipped();
    }

    @Override
    public List<SqlStatement> statements() {
        return ViewSql.statements(this);
    }

    Set<String> resetBoundaries() {
        return resetBoundaries;
    }

    Set<String> expiredTasks() {
        return expiredTasks;
    }

    Collection<ContainerInstanceRow> containerInstances() {
        return containerInstances.values();
    }

    Collection<TaskRow> tasks() {
        return tasks.values();
    }

    Collection<ClusterRow> clusters() {
        return clusters.values();
    }

    Collection<TaskDefinitionRow> taskDefinitions() {
        return taskDefinitions.values();
    }

    Collection<ServiceRow> services() {
        return services.values();
    }

    /** The deployment history's share of the batch. */
    ServiceDeploymentChanges deployments() {
        return deployments;
    }

    Collection<TagSet> tagSets() {
        return tagSets.values();
    }

    Set<String> restartedServices() {
        return restartedServices.keySet();
    }

    /** The ARNs of services with new events[] entries, whose windows must be trimmed to the newest 100. */
    Set<String> servicesWithNewEvents() {
        return serviceEvents.keySet();
    }

    List<ServiceEventRow> serviceEvents() {
        List<ServiceEventRow> rows = new ArrayList<>();
        serviceEvents.values().forEach(rows::addAll);
        return rows;
    }

    List<AuditRow> audit() {
        return audit;
    }
}
