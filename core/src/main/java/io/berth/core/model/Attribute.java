package io.berth.core.model;

/** An attribute: a name with an optional value, e.g. a task definition's required capability. */
public record Attribute(String name, String value, String targetType, String targetId) {

    public static Attribute named(String name) {
        return new Attribute(name, null, null, null);
    }
}
