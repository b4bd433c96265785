package io.berth.projection.apply;

import io.berth.core.model.Cluster;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Reservation;
import io.berth.core.model.Service;
import io.berth.core.model.Tag;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import java.time.Instant;
import java.util.List;

/** The rows one batch writes, one record type per view table (columns as in V1__views.sql and V3). */
final class ViewRows {

    private ViewRows() {
    }

    record ClusterRow(String account, String region, String boundaryKey, Cluster cluster) {
    }

    record TaskDefinitionRow(String account, String region, String boundaryKey, TaskDefinition taskDefinition) {
    }

    record ServiceRow(String account, String region, String clusterName, String boundaryKey, Service service) {
    }

    record ContainerInstanceRow(String account, String region, String clusterArn, String boundaryKey,
            ContainerInstance instance) {
    }

    /**
     * A task with the reservation it holds on its instance: recorded by TaskCreated only, so a row
     * folded from later changes alone carries none (null) and keeps the stored one.
     */
    record TaskRow(String account, String region, String boundaryKey, Task task, Reservation reservation) {
    }

    /** A service's events[] entry at its place in the log. */
    record ServiceEventRow(String serviceArn, int logPartition, long logOffset, String boundaryKey, String eventId,
            Instant createdAt, String message) {
    }

    /** The whole tag set of a resource, replacing whatever it had. */
    record TagSet(String resourceArn, String account, String region, String boundaryKey, List<Tag> tags) {
    }

    record AuditRow(String topic, int logPartition, long logOffset, String eventId, String account, String region,
            String resourceArn, String eventType, String actor, Instant eventTime, String correlationId,
            String causationId) {
    }
}
