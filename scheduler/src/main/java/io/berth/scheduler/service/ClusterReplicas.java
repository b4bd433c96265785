package io.berth.scheduler.service;

import io.berth.core.account.AccountState;
import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.cluster.ClusterState;
import io.berth.core.command.LogPosition;
import io.berth.core.decide.BoundaryState;
import io.berth.core.decide.TaskDefinitionLookup;
import io.berth.core.event.Event;
import io.berth.core.model.TaskDefinition;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The scheduler's own view (design rule 7): a replica of every boundary's state, evolved by the
 * same {@code apply} as the command-service's, from the same events. Cluster boundaries are what
 * it plans against; account boundaries give it the task definitions.
 *
 * <p>One thread, the scheduler loop's, applies events and plans; {@link #cluster} and
 * {@link #drainChanged} are for that thread alone. Other threads (the dry-run endpoint) read
 * through {@link #snapshot}, {@link #find} and {@link #reached}, which a lock keeps from seeing an
 * event half applied.
 */
public final class ClusterReplicas implements TaskDefinitionLookup {

    /** A cluster boundary's state at one moment, its own copy, and the task definitions to read with it. */
    public record Snapshot(ClusterState cluster, TaskDefinitionLookup taskDefinitions) {
    }

    private final Map<String, BoundaryState> boundaries = new HashMap<>();
    private final ChangedServices changed = new ChangedServices();
    /** Per partition of berth.events, the offset of the last event applied. */
    private final Map<Integer, Long> applied = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Applies one event, found at {@code position}, of the boundary with this key (the event's partition key). */
    public void apply(LogPosition position, String boundaryKey, Event event) {
        Boundary boundary = Boundary.fromKey(boundaryKey);
        lock.writeLock().lock();
        try {
            boundaries.computeIfAbsent(boundaryKey, k -> BoundaryState.empty(boundary)).apply(event);
            applied.merge(position.partition(), position.offset(), Math::max);
        } finally {
            lock.writeLock().unlock();
        }
        if (boundary.isCluster()) {
            changed.record(boundaryKey, event);
        }
    }

    /**
     * The services that may have something to do since the last call, per cluster boundary key:
     * the names, or empty for every service of the cluster ({@link ChangedServices}).
     */
    public Map<String, Optional<Set<String>>> drainChanged() {
        return changed.drain();
    }

    public Optional<ClusterState> cluster(String boundaryKey) {
        BoundaryState state = boundaries.get(boundaryKey);
        return state instanceof BoundaryState.ClusterBoundary c ? Optional.of(c.state()) : Optional.empty();
    }

    /** A copy of a cluster boundary's state as it is now, for a thread other than the loop's; empty if unknown. */
    public Optional<Snapshot> snapshot(String boundaryKey) {
        lock.readLock().lock();
        try {
            return cluster(boundaryKey).map(state -> new Snapshot(state.copy(), this));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether every event at or before these positions (partition to offset) has been applied. */
    public boolean reached(Map<Integer, Long> positions) {
        lock.readLock().lock();
        try {
            return positions.entrySet().stream()
                    .allMatch(p -> applied.getOrDefault(p.getKey(), -1L) >= p.getValue());
        } finally {
            lock.readLock().unlock();
        }
    }

    public Collection<String> clusterKeys() {
        return boundaries.keySet().stream().filter(k -> Boundary.fromKey(k).isCluster()).toList();
    }

    @Override
    public Optional<TaskDefinition> find(Scope scope, TaskDefinitionRef ref) {
        lock.readLock().lock();
        try {
            BoundaryState state = boundaries.get(Boundary.account(scope).key());
            if (!(state instanceof BoundaryState.AccountBoundary a)) {
                return Optional.empty();
            }
            AccountState account = a.state();
            return ref.revision().isPresent() ? account.revision(ref.family(), ref.revision().getAsInt())
                    : account.latestActive(ref.family());
        } finally {
            lock.readLock().unlock();
        }
    }
}
