package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.CapacityProviderStrategyItem;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.Tag;
import java.util.List;

/** ECS CreateCluster. A missing name means {@code default}; an existing ACTIVE name returns that cluster. */
public record CreateCluster(String clusterName, List<Tag> tags, List<KeyValuePair> settings, JsonNode configuration,
        List<String> capacityProviders, List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy,
        JsonNode serviceConnectDefaults) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return clusterName;
    }
}
