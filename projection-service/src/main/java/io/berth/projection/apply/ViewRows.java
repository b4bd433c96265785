package io.berth.projection.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.model.Tag;
import java.time.Instant;
import java.util.List;

/** The rows one batch writes, one record type per view table (columns as in V1__views.sql). */
final class ViewRows {

    private ViewRows() {
    }

    record ClusterRow(String clusterArn, String account, String region, String clusterName, String status,
            String boundaryKey, ObjectNode document) {
    }

    record TaskDefinitionRow(String taskDefinitionArn, String account, String region, String family, int revision,
            String status, String boundaryKey, ObjectNode document) {
    }

    record ServiceRow(String serviceArn, String account, String region, String clusterName, String serviceName,
            String status, String launchType, String schedulingStrategy, String boundaryKey, ObjectNode document) {
    }

    /** A service's events[] entry at its place in the log. */
    record ServiceEventRow(String serviceArn, int logPartition, long logOffset, String boundaryKey,
            ObjectNode document) {
    }

    /** The whole tag set of a resource, replacing whatever it had. */
    record TagSet(String resourceArn, String account, String region, String boundaryKey, List<Tag> tags) {
    }

    record AuditRow(String topic, int logPartition, long logOffset, String eventId, String account, String region,
            String resourceArn, String eventType, String actor, Instant eventTime, String correlationId,
            String causationId) {
    }
}
