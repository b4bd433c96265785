package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.KeyValuePair;
import java.util.List;

/** ECS UpdateCluster: replaces the given settings, configuration and Service Connect defaults. */
public record UpdateCluster(String cluster, List<KeyValuePair> settings, JsonNode configuration,
        JsonNode serviceConnectDefaults) implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
