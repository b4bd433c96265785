package io.berth.core.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A task volume: a host path, a Docker volume, or a network file system passed through unchanged. */
public record Volume(String name, HostVolumeProperties host, JsonNode dockerVolumeConfiguration,
        JsonNode efsVolumeConfiguration, JsonNode fsxWindowsFileServerVolumeConfiguration,
        JsonNode s3filesVolumeConfiguration, Boolean configuredAtLaunch) {
}
