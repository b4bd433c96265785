package io.berth.agent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of the agent ({@code berth.agent.*}). */
@ConfigMapping(prefix = "berth.agent")
public interface AgentConfig {

    /** The Berth endpoint (api-gateway); the agent needs only outbound HTTP to it. */
    @WithDefault("http://127.0.0.1:9400")
    String endpoint();

    /** The cluster this host joins. */
    @WithDefault("default")
    String cluster();

    /** The region of the cluster (the credential scope of the agent's requests). */
    @WithDefault("us-east-1")
    String region();

    /** The access key the agent's requests name. */
    @WithDefault("berth-agent")
    String accessKey();

    /** The availability zone this host reports ({@code ecs.availability-zone}). */
    @WithDefault("local-1a")
    String availabilityZone();

    /**
     * This agent's name on the host. Several agents may share one Docker engine: each manages only
     * the containers labelled with its name, and keeps its identity in its own state file.
     */
    @WithDefault("agent-0")
    String name();

    /** Where the agent keeps its identity (the container instance ARN) across restarts. */
    @WithDefault(".berth/agent")
    String stateDir();

    /** The Docker Engine API. */
    @WithDefault("unix:///var/run/docker.sock")
    String dockerHost();

    /** CPU units to register instead of cores × 1024 (to split a host between agents). */
    Optional<Integer> cpu();

    /** MiB of memory to register instead of the host's. */
    Optional<Integer> memory();

    /** Custom attributes of this container instance. */
    Map<String, String> attributes();

    @WithDefault("5s")
    Duration heartbeatInterval();

    /** How often the agent looks at Docker when nothing else wakes it. */
    @WithDefault("1s")
    Duration observeInterval();

    /**
     * The registry that stands in for Amazon ECR (e.g. {@code 127.0.0.1:5000}, a local registry):
     * images named {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>} are pulled
     * from {@code <registry>/<repository>:<tag>}. Other names are pulled from where they say.
     */
    Optional<String> ecrRegistry();

    /** The Docker network that awsvpc tasks get their own address on. */
    @WithDefault("berth-awsvpc")
    String awsvpcNetwork();

    /** A static busybox to build the awsvpc pause image from, on hosts that lack the image. */
    @WithDefault("/bin/busybox")
    String pauseBinary();
}
