package io.berth.scheduler.service;

import io.berth.core.account.AccountState;
import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.cluster.ClusterState;
import io.berth.core.decide.BoundaryState;
import io.berth.core.decide.TaskDefinitionLookup;
import io.berth.core.event.Event;
import io.berth.core.model.TaskDefinition;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scheduler's own view (design rule 7): a replica of every boundary's state, evolved by the
 * same {@code apply} as the command-service's, from the same events. Cluster boundaries are what
 * it plans against; account boundaries give it the task definitions.
 */
public final class ClusterReplicas implements TaskDefinitionLookup {

    private final Map<String, BoundaryState> boundaries = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    /** Applies one event of the boundary with this key (the event's partition key). */
    public void apply(String boundaryKey, Event event) {
        Boundary boundary = Boundary.fromKey(boundaryKey);
        boundaries.computeIfAbsent(boundaryKey, k -> BoundaryState.empty(boundary)).apply(event);
        if (boundary.isCluster()) {
            changed.add(boundaryKey);
        }
    }

    /** The cluster boundaries changed since the last call. */
    public Set<String> drainChanged() {
        Set<String> keys = new LinkedHashSet<>(changed);
        changed.clear();
        return keys;
    }

    public Optional<ClusterState> cluster(String boundaryKey) {
        BoundaryState state = boundaries.get(boundaryKey);
        return state instanceof BoundaryState.ClusterBoundary c ? Optional.of(c.state()) : Optional.empty();
    }

    public Collection<String> clusterKeys() {
        return boundaries.keySet().stream().filter(k -> Boundary.fromKey(k).isCluster()).toList();
    }

    @Override
    public Optional<TaskDefinition> find(Scope scope, TaskDefinitionRef ref) {
        BoundaryState state = boundaries.get(Boundary.account(scope).key());
        if (!(state instanceof BoundaryState.AccountBoundary a)) {
            return Optional.empty();
        }
        AccountState account = a.state();
        return ref.revision().isPresent() ? account.revision(ref.family(), ref.revision().getAsInt())
                : account.latestActive(ref.family());
    }
}
