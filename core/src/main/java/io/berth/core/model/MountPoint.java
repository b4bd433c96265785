package io.berth.core.model;

/** A volume mounted into a container. */
public record MountPoint(String sourceVolume, String containerPath, Boolean readOnly) {
}
