package io.berth.core.model;

/** The circuit breaker's threshold: COUNT, BOUNDED_PERCENT or UNBOUNDED_PERCENT with its value. */
public record ThresholdConfiguration(String type, Integer value) {
}
