package io.berth.agent.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Info;
import io.berth.agent.config.AgentConfig;
import io.berth.agent.docker.DockerRuntime;
import io.berth.agent.gateway.GatewayClient;
import io.berth.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Who this host is in the cluster. Registers it as a container instance (CPU units = cores × 1024,
 * memory in MiB, the built-in and custom attributes, agent and Docker versions) and keeps the
 * instance ARN in a state file, so a restarted agent re-registers the same instance.
 */
@ApplicationScoped
public class Identity {

    /** The version of this agent, reported as {@code versionInfo.agentVersion}. */
    public static final String AGENT_VERSION = "0.1.0";

    private static final Logger LOG = Logger.getLogger(Identity.class);

    private final AgentConfig config;
    private final DockerRuntime docker;
    private final GatewayClient gateway;
    private volatile String instanceArn;

    public Identity(AgentConfig config, DockerRuntime docker, GatewayClient gateway) {
        this.config = config;
        this.docker = docker;
        this.gateway = gateway;
    }

    public String instanceArn() {
        return instanceArn;
    }

    /** Registers (or re-registers) this host; returns the container instance ARN. */
    public String register() throws IOException, InterruptedException {
        Path state = Path.of(config.stateDir()).resolve(config.name() + ".instance-arn");
        String known = Files.exists(state) ? Files.readString(state, StandardCharsets.UTF_8).trim() : null;
        Info info = docker.info();
        int cpu = config.cpu().orElse(info.getNCPU() * 1024);
        int memory = config.memory().orElse((int) (info.getMemTotal() / (1024 * 1024)));
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("cluster", config.cluster());
        if (known != null && !known.isEmpty()) {
            request.put("containerInstanceArn", known);
        }
        ArrayNode resources = request.putArray("totalResources");
        resources.addObject().put("name", "CPU").put("type", "INTEGER").put("integerValue", cpu);
        resources.addObject().put("name", "MEMORY").put("type", "INTEGER").put("integerValue", memory);
        request.putObject("versionInfo").put("agentVersion", AGENT_VERSION).put("agentHash", "berth")
                .put("dockerVersion", "DockerVersion: " + info.getServerVersion());
        request.put("instanceIdentityDocument", Json.toString(Map.of(
                "instanceId", "i-" + config.name() + "-" + hostName(),
                "availabilityZone", config.availabilityZone(),
                "region", config.region())));
        ArrayNode attributes = request.putArray("attributes");
        Map<String, String> all = new TreeMap<>(config.attributes());
        all.put("ecs.os-type", "linux");
        all.put("ecs.os-family", "LINUX");
        all.put("ecs.cpu-architecture", architecture());
        all.put("ecs.availability-zone", config.availabilityZone());
        all.forEach((name, value) -> attributes.addObject().put("name", name).put("value", value));

        JsonNode registered;
        try {
            registered = gateway.post("/register", request).path("containerInstance");
        } catch (GatewayClient.GatewayException e) {
            if (e.getMessage().contains("ClusterNotFoundException") && config.cluster().equals("default")) {
                // As the ECS agent does: the default cluster is created on first use.
                gateway.ecs("CreateCluster", Map.of("clusterName", "default"));
            } else if (request.has("containerInstanceArn") && startsAfresh(e.getMessage())) {
                LOG.warnf("the control plane refuses identity %s (%s); registering as a new instance", known,
                        e.getMessage());
                Files.deleteIfExists(state);
            }
            throw e;
        }
        instanceArn = registered.path("containerInstanceArn").asText();
        Files.createDirectories(state.getParent());
        Files.writeString(state, instanceArn, StandardCharsets.UTF_8);
        return instanceArn;
    }

    /**
     * Refusals after which the old identity is gone for good: the control plane forgot the
     * instance (a reset), it was deregistered, or the host's resources changed — the ECS agent
     * then needs a new instance too.
     */
    private static boolean startsAfresh(String refusal) {
        return refusal.contains("was never registered") || refusal.contains("is inactive")
                || refusal.contains("type changes are not supported");
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm64" : arch;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
