package io.berth.core.arn;

import java.util.Objects;

/**
 * A consistency boundary: the unit that one command-service partition owner decides for alone.
 * Cluster-scoped resources (the cluster, its services) share their cluster's boundary; task
 * definitions and other account-scoped resources share the account-and-region boundary. The
 * boundary's {@link #key()} is the Kafka record key of its commands and events.
 */
public record Boundary(Scope scope, String clusterName) {

    public Boundary {
        Objects.requireNonNull(scope, "scope");
    }

    public static Boundary account(Scope scope) {
        return new Boundary(scope, null);
    }

    public static Boundary cluster(Scope scope, String clusterName) {
        return new Boundary(scope, Objects.requireNonNull(clusterName, "clusterName"));
    }

    public boolean isCluster() {
        return clusterName != null;
    }

    /** {@code <account>/<region>} or {@code <account>/<region>/cluster/<name>}. */
    public String key() {
        String base = scope.account() + "/" + scope.region();
        return isCluster() ? base + "/cluster/" + clusterName : base;
    }

    public static Boundary fromKey(String key) {
        String[] parts = key.split("/", 4);
        Scope scope = new Scope(parts[0], parts[1]);
        if (parts.length == 2) {
            return account(scope);
        }
        if (parts.length == 4 && parts[2].equals("cluster")) {
            return cluster(scope, parts[3]);
        }
        throw new IllegalArgumentException("not a boundary key: " + key);
    }

    @Override
    public String toString() {
        return key();
    }
}
