package io.berth.core.model;

/** ECS's name/value pair: container environment variables and cluster settings. */
public record KeyValuePair(String name, String value) {
}
