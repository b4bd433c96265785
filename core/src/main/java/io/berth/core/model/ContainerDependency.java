package io.berth.core.model;

/** A startup dependency: START, COMPLETE, SUCCESS or HEALTHY of another container. */
public record ContainerDependency(String containerName, String condition) {
}
