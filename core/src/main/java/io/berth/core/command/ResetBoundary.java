package io.berth.core.command;

import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;

/**
 * Internal, local mode only: forget everything a boundary holds (for a cluster boundary, the
 * cluster and its services; for the account boundary, every task definition and its revision
 * counter). Recorded as an event like any other change.
 */
public record ResetBoundary(String cluster) implements Command {

    @Override
    public Boundary boundary(Scope scope) {
        return cluster == null ? Boundary.account(scope) : Boundary.cluster(scope, cluster);
    }
}
