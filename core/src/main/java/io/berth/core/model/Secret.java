package io.berth.core.model;

/** A secret exposed to a container as an environment variable. */
public record Secret(String name, String valueFrom) {
}
