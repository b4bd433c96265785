package io.berth.core.account;

import io.berth.core.arn.Boundary;
import io.berth.core.event.BoundaryReset;
import io.berth.core.event.Event;
import io.berth.core.event.ResourceTagged;
import io.berth.core.event.ResourceUntagged;
import io.berth.core.event.TaskDefinitionDeleteRequested;
import io.berth.core.event.TaskDefinitionDeregistered;
import io.berth.core.event.TaskDefinitionRegistered;
import io.berth.core.model.Tag;
import io.berth.core.model.TaskDefinition;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the account-and-region boundary knows: every task definition revision of every family,
 * the highest revision number each family ever had (never reused, even after deletion), and the
 * revisions' tags. Changes only through {@link #apply(Event)}.
 */
public final class AccountState {

    private final Boundary boundary;
    private final Map<String, NavigableMap<Integer, TaskDefinition>> families = new HashMap<>();
    private final Map<String, Integer> lastRevision = new HashMap<>();
    private final Map<String, List<Tag>> tags = new HashMap<>();

    public AccountState(Boundary boundary) {
        this.boundary = boundary;
    }

    public Boundary boundary() {
        return boundary;
    }

    public int lastRevision(String family) {
        return lastRevision.getOrDefault(family, 0);
    }

    public Optional<TaskDefinition> revision(String family, int revision) {
        NavigableMap<Integer, TaskDefinition> revisions = families.get(family);
        return revisions == null ? Optional.empty() : Optional.ofNullable(revisions.get(revision));
    }

    /** The family's newest ACTIVE revision, which a bare family name refers to. */
    public Optional<TaskDefinition> latestActive(String family) {
        NavigableMap<Integer, TaskDefinition> revisions = families.get(family);
        if (revisions == null) {
            return Optional.empty();
        }
        return revisions.descendingMap().values().stream().filter(TaskDefinition::isActive).findFirst();
    }

    public Collection<NavigableMap<Integer, TaskDefinition>> families() {
        return families.values();
    }

    public List<Tag> tags(String arn) {
        return tags.getOrDefault(arn, List.of());
    }

    public AccountState apply(Event event) {
        if (event instanceof TaskDefinitionRegistered e) {
            TaskDefinition td = e.taskDefinition();
            put(td);
            lastRevision.merge(td.family(), td.revision(), Math::max);
            putTags(td.taskDefinitionArn(), e.tags());
        } else if (event instanceof TaskDefinitionDeregistered e) {
            put(e.taskDefinition());
        } else if (event instanceof TaskDefinitionDeleteRequested e) {
            put(e.taskDefinition());
        } else if (event instanceof ResourceTagged e) {
            putTags(e.resourceArn(), e.tags());
        } else if (event instanceof ResourceUntagged e) {
            putTags(e.resourceArn(), e.tags());
        } else if (event instanceof BoundaryReset) {
            families.clear();
            lastRevision.clear();
            tags.clear();
        } else {
            throw new IllegalStateException(event.getClass().getSimpleName()
                    + " does not belong to account boundary " + boundary);
        }
        return this;
    }

    private void put(TaskDefinition td) {
        families.computeIfAbsent(td.family(), f -> new TreeMap<>()).put(td.revision(), td);
    }

    private void putTags(String arn, List<Tag> newTags) {
        if (newTags == null || newTags.isEmpty()) {
            tags.remove(arn);
        } else {
            tags.put(arn, List.copyOf(newTags));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountState other && boundary.equals(other.boundary) && families.equals(other.families)
                && lastRevision.equals(other.lastRevision) && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(boundary, families, lastRevision, tags);
    }

    @Override
    public String toString() {
        return "AccountState[" + boundary + ", families=" + families.keySet() + ", lastRevision=" + lastRevision + "]";
    }
}
