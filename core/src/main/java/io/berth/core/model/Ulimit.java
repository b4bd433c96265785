package io.berth.core.model;

/** A resource limit for a container. */
public record Ulimit(String name, Integer softLimit, Integer hardLimit) {
}
