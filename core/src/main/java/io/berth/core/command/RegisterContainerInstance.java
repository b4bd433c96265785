package io.berth.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.model.Attribute;
import io.berth.core.model.Resource;
import io.berth.core.model.Tag;
import io.berth.core.model.VersionInfo;
import java.util.List;

/**
 * ECS RegisterContainerInstance, sent by the agent. With {@code containerInstanceArn} it
 * re-registers a known instance, which keeps its identity.
 */
public record RegisterContainerInstance(String cluster, String instanceIdentityDocument,
        String instanceIdentityDocumentSignature, List<Resource> totalResources, VersionInfo versionInfo,
        String containerInstanceArn, List<Attribute> attributes, JsonNode platformDevices, List<Tag> tags)
        implements ClusterCommand {

    @Override
    public String clusterReference() {
        return cluster;
    }
}
