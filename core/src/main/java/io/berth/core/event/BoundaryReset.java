package io.berth.core.event;

/**
 * Everything the boundary held was forgotten (local development reset). Readers drop what they
 * derived from the boundary: for a cluster boundary its cluster, services and their tags; for the
 * account boundary its task definitions, their tags and revision counters.
 */
public record BoundaryReset(String boundaryKey, String clusterArn) implements Event {

    @Override
    public String resourceArn() {
        return clusterArn != null ? clusterArn : boundaryKey;
    }
}
