package io.berth.core.cluster;

import io.berth.core.arn.Boundary;
import io.berth.core.event.BoundaryReset;
import io.berth.core.event.ClusterCreated;
import io.berth.core.event.ClusterDeleted;
import io.berth.core.event.ClusterUpdated;
import io.berth.core.event.Event;
import io.berth.core.event.ResourceTagged;
import io.berth.core.event.ResourceUntagged;
import io.berth.core.event.ServiceCreated;
import io.berth.core.event.ServiceDeleted;
import io.berth.core.event.ServiceDrained;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.model.Cluster;
import io.berth.core.model.ClusterCounts;
import io.berth.core.model.Service;
import io.berth.core.model.Tag;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cluster boundary knows: the cluster, its services (by name, including DRAINING and
 * INACTIVE ones) and the tags of both. It changes only through {@link #apply(Event)}; deciders
 * read it and never change it.
 */
public final class ClusterState {

    /** A service with the client token it was created with (for CreateService idempotency). */
    public record ServiceEntry(Service service, String clientToken) {
    }

    private final Boundary boundary;
    private Cluster cluster;
    private final Map<String, ServiceEntry> services = new LinkedHashMap<>();
    private final Map<String, List<Tag>> tags = new HashMap<>();

    public ClusterState(Boundary boundary) {
        this.boundary = boundary;
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

    /** Counts as DescribeClusters shows them; tasks and instances arrive with the capacity layer. */
    public ClusterCounts counts() {
        int active = (int) services.values().stream().filter(s -> s.service().isActive()).count();
        return new ClusterCounts(0, 0, 0, active);
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
        } else if (event instanceof ServiceUpdated e) {
            replaceService(e.service());
        } else if (event instanceof ServiceDeleted e) {
            replaceService(e.service());
        } else if (event instanceof ServiceDrained e) {
            replaceService(e.service());
        } else if (event instanceof ServiceEventRecorded) {
            // The events[] window is kept by readers; deciding never depends on it.
        } else if (event instanceof ResourceTagged e) {
            putTags(e.resourceArn(), e.tags());
        } else if (event instanceof ResourceUntagged e) {
            putTags(e.resourceArn(), e.tags());
        } else if (event instanceof BoundaryReset) {
            cluster = null;
            services.clear();
            tags.clear();
        } else {
            throw new IllegalStateException(event.getClass().getSimpleName()
                    + " does not belong to cluster boundary " + boundary);
        }
        return this;
    }

    private void replaceService(Service service) {
        ServiceEntry previous = services.get(service.serviceName());
        services.put(service.serviceName(), new ServiceEntry(service, previous == null ? null : previous.clientToken()));
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
        return o instanceof ClusterState other && boundary.equals(other.boundary)
                && Objects.equals(cluster, other.cluster) && services.equals(other.services)
                && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(boundary, cluster, services, tags);
    }

    @Override
    public String toString() {
        return "ClusterState[" + boundary + ", cluster=" + cluster + ", services=" + services.keySet() + "]";
    }
}
