package io.berth.core.model;

/** A task's network interface (awsvpc): its attachment and private address. */
public record NetworkInterface(String attachmentId, String privateIpv4Address, String ipv6Address) {
}
