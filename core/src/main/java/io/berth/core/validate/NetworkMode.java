package io.berth.core.validate;

import io.berth.core.error.EcsException;

/** A task definition's Docker network mode; {@code bridge} when none is given, as on ECS for Linux. */
enum NetworkMode {
    BRIDGE("bridge"),
    HOST("host"),
    AWSVPC("awsvpc"),
    NONE("none");

    private final String wireName;

    NetworkMode(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** Modes in which a container's port is the port others reach it on, so hostPort must equal it. */
    boolean mapsPortsOneToOne() {
        return this == HOST || this == AWSVPC;
    }

    static NetworkMode parse(String value) {
        if (value == null) {
            return BRIDGE;
        }
        for (NetworkMode mode : values()) {
            if (mode.wireName.equals(value)) {
                return mode;
            }
        }
        throw EcsException.invalidParameter("Invalid 'networkMode' '" + value
                + "': use bridge, host, awsvpc or none.");
    }
}
