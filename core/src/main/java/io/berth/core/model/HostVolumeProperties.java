package io.berth.core.model;

/** A bind mount from the host. */
public record HostVolumeProperties(String sourcePath) {
}
