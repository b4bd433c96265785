package io.berth.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An ECS cluster as DescribeClusters returns it. The counts are not part of the cluster's facts
 * (they follow from its services, tasks and instances) and are null in events; readers fill them
 * in with {@link #forResponse}. {@code tags} and {@code statistics} appear only when asked for.
 */
public record Cluster(
        String clusterArn,
        String clusterName,
        JsonNode configuration,
        String status,
        Integer registeredContainerInstancesCount,
        Integer runningTasksCount,
        Integer pendingTasksCount,
        Integer activeServicesCount,
        List<KeyValuePair> statistics,
        List<Tag> tags,
        List<KeyValuePair> settings,
        List<String> capacityProviders,
        List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy,
        JsonNode attachments,
        String attachmentsStatus,
        JsonNode serviceConnectDefaults) {

    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";

    /** Derived, not an ECS member: ignored so that JSON does not grow an {@code "active"} field. */
    @JsonIgnore
    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public Cluster withStatus(String newStatus) {
        return new Cluster(clusterArn, clusterName, configuration, newStatus, registeredContainerInstancesCount,
                runningTasksCount, pendingTasksCount, activeServicesCount, statistics, tags, settings,
                capacityProviders, defaultCapacityProviderStrategy, attachments, attachmentsStatus,
                serviceConnectDefaults);
    }

    public Cluster withConfiguration(List<KeyValuePair> newSettings, JsonNode newConfiguration,
            JsonNode newServiceConnectDefaults) {
        return new Cluster(clusterArn, clusterName, newConfiguration, status, registeredContainerInstancesCount,
                runningTasksCount, pendingTasksCount, activeServicesCount, statistics, tags, newSettings,
                capacityProviders, defaultCapacityProviderStrategy, attachments, attachmentsStatus,
                newServiceConnectDefaults);
    }

    /** The cluster as a response shows it: with counts, and with tags and statistics when asked for (else null). */
    public Cluster forResponse(ClusterCounts counts, List<Tag> responseTags, List<KeyValuePair> responseStatistics) {
        return new Cluster(clusterArn, clusterName, configuration, status, counts.registeredContainerInstances(),
                counts.runningTasks(), counts.pendingTasks(), counts.activeServices(), responseStatistics,
                responseTags, settings, capacityProviders, defaultCapacityProviderStrategy, attachments,
                attachmentsStatus, serviceConnectDefaults);
    }
}
