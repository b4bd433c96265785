package io.berth.core.model;

/** The operating system and CPU architecture a task definition needs. */
public record RuntimePlatform(String cpuArchitecture, String operatingSystemFamily) {
}
