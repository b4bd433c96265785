package io.berth.core.command;

import io.berth.core.scheduling.ServicePlan;

/**
 * Internal, sent by the scheduler: carry out a service plan made at {@code plan.generation()}.
 * The cluster boundary applies it only if the service is still at that generation and every
 * launch still fits its instance; otherwise nothing changes and the scheduler plans again from
 * its refreshed view (design rule 7).
 */
public record ApplyServicePlan(String cluster, ServicePlan plan) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
