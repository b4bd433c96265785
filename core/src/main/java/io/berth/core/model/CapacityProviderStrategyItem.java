package io.berth.core.model;

/** One item of a capacity provider strategy: {@code base} tasks first, then the rest by {@code weight}. */
public record CapacityProviderStrategyItem(String capacityProvider, Integer weight, Integer base) {
}
