package io.berth.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A container definition with every field of the ECS model. Fields the agent acts on are typed;
 * the rest (Linux parameters, FireLens, credential specs, ...) are kept as given and returned.
 */
public record ContainerDefinition(
        String name,
        String image,
        JsonNode repositoryCredentials,
        Integer cpu,
        Integer memory,
        Integer memoryReservation,
        List<String> links,
        List<PortMapping> portMappings,
        Boolean essential,
        ContainerRestartPolicy restartPolicy,
        List<String> entryPoint,
        List<String> command,
        List<KeyValuePair> environment,
        JsonNode environmentFiles,
        List<MountPoint> mountPoints,
        JsonNode volumesFrom,
        JsonNode linuxParameters,
        List<Secret> secrets,
        List<ContainerDependency> dependsOn,
        Integer startTimeout,
        Integer stopTimeout,
        String versionConsistency,
        String hostname,
        String user,
        String workingDirectory,
        Boolean disableNetworking,
        Boolean privileged,
        Boolean readonlyRootFilesystem,
        List<String> dnsServers,
        List<String> dnsSearchDomains,
        JsonNode extraHosts,
        List<String> dockerSecurityOptions,
        Boolean interactive,
        Boolean pseudoTerminal,
        Map<String, String> dockerLabels,
        List<Ulimit> ulimits,
        LogConfiguration logConfiguration,
        HealthCheck healthCheck,
        JsonNode systemControls,
        JsonNode resourceRequirements,
        JsonNode firelensConfiguration,
        List<String> credentialSpecs) {

    /** ECS's default: a container is essential unless it says otherwise. */
    public boolean isEssential() {
        return essential == null || essential;
    }
}
