package io.berth.core.model;

/** A container port published on the host. */
public record NetworkBinding(String bindIP, Integer containerPort, Integer hostPort, String protocol,
        String containerPortRange, String hostPortRange) {
}
