package io.berth.core.model;

/** A container port mapping (ecs-semantics §3.2, §4.3). */
public record PortMapping(Integer containerPort, Integer hostPort, String protocol, String name, String appProtocol,
        String containerPortRange) {
}
