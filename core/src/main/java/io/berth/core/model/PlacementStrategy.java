package io.berth.core.model;

/** A placement strategy: {@code binpack}, {@code spread} or {@code random}, with its field. */
public record PlacementStrategy(String type, String field) {
}
