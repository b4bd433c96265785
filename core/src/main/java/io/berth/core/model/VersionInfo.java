package io.berth.core.model;

/** The agent and Docker versions of a container instance. */
public record VersionInfo(String agentVersion, String agentHash, String dockerVersion) {
}
