package io.berth.core.validate;

import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.PortMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Port mapping rules by network mode (ecs-semantics §3.2, §4.3), and the mappings as ECS stores
 * them: protocol {@code tcp} when omitted; in {@code awsvpc} and {@code host} mode, where the
 * container's port is the port others reach, hostPort filled in with the containerPort; in
 * {@code bridge} mode an omitted or 0 hostPort left as given, meaning a dynamic host port.
 */
final class PortMappings {

    static final int MAX_PORT = 65_535;
    static final int MAX_PORT_RANGES = 100;
    /** Ports the ECS agent reserves on every instance: SSH, the Docker daemon, and the agent itself. */
    static final Set<Integer> RESERVED_HOST_PORTS = Set.of(22, 2375, 2376, 51678, 51679, 51680);

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp");
    private static final Set<String> APP_PROTOCOLS = Set.of("http", "http2", "grpc");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,63}");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");

    /** A span of container ports taken by one mapping, for finding a port claimed twice. */
    private record Claim(String protocol, int first, int last, String described) {

        boolean overlaps(Claim other) {
            return protocol.equals(other.protocol) && first <= other.last && other.first <= last;
        }
    }

    private PortMappings() {
    }

    /** One container's mappings, checked and completed; an empty list when it has none. */
    static List<PortMapping> normalise(String container, List<PortMapping> mappings, NetworkMode mode) {
        if (mappings == null || mappings.isEmpty()) {
            return List.of();
        }
        if (mode == NetworkMode.NONE) {
            throw InvalidSetting.of(container, "Port mappings are not allowed with network mode 'none'.");
        }
        List<PortMapping> result = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        int ranges = 0;
        for (PortMapping mapping : mappings) {
            if (mapping == null) {
                throw InvalidSetting.of(container, "A port mapping cannot be null.");
            }
            String protocol = protocol(container, mapping);
            checkNameAndAppProtocol(container, mapping);
            Claim claim;
            PortMapping normalised;
            if (mapping.containerPortRange() != null) {
                ranges++;
                claim = rangeClaim(container, mapping, protocol, mode);
                normalised = new PortMapping(null, null, protocol, mapping.name(), mapping.appProtocol(),
                        mapping.containerPortRange());
            } else {
                int containerPort = containerPort(container, mapping);
                Integer hostPort = hostPort(container, mapping, containerPort, mode);
                claim = new Claim(protocol, containerPort, containerPort, "container port " + containerPort + "/"
                        + protocol);
                normalised = new PortMapping(containerPort, hostPort, protocol, mapping.name(), mapping.appProtocol(),
                        null);
            }
            for (Claim earlier : claims) {
                if (earlier.overlaps(claim)) {
                    throw InvalidSetting.of(container, "Port mappings overlap: " + earlier.described() + " and "
                            + claim.described() + ". A port can be in only one port mapping of a container.");
                }
            }
            claims.add(claim);
            result.add(normalised);
        }
        if (ranges > MAX_PORT_RANGES) {
            throw InvalidSetting.of(container, "At most " + MAX_PORT_RANGES + " 'containerPortRange' mappings are "
                    + "allowed, got " + ranges + ".");
        }
        return List.copyOf(result);
    }

    /**
     * Rules across the task's containers, after each container's mappings are normalised: port
     * mapping names are unique in the task (Service Connect refers to them by name), and a static
     * host port is bound once, since every container of a task lands on the same host (bridge,
     * host) or the same task network interface (awsvpc).
     */
    static void checkAcrossContainers(List<ContainerDefinition> containers) {
        Map<String, String> nameOwners = new HashMap<>();
        Map<String, String> hostPortOwners = new HashMap<>();
        for (ContainerDefinition container : containers) {
            for (PortMapping mapping : container.portMappings()) {
                if (mapping.name() != null) {
                    String owner = nameOwners.putIfAbsent(mapping.name(), container.name());
                    if (owner != null) {
                        throw InvalidSetting.of(container.name(), "Port mapping name '" + mapping.name()
                                + "' is already used by container '" + owner + "'.");
                    }
                }
                if (mapping.hostPort() != null && mapping.hostPort() > 0) {
                    String key = mapping.hostPort() + "/" + mapping.protocol();
                    String owner = hostPortOwners.putIfAbsent(key, container.name());
                    if (owner != null) {
                        throw InvalidSetting.of(container.name(), "Host port " + key
                                + " is already mapped by container '" + owner + "'.");
                    }
                }
            }
        }
    }

    private static String protocol(String container, PortMapping mapping) {
        if (mapping.protocol() == null) {
            return "tcp";
        }
        if (!PROTOCOLS.contains(mapping.protocol())) {
            throw InvalidSetting.unknownValue(container, "Invalid port mapping 'protocol' '" + mapping.protocol()
                    + "': use tcp or udp.");
        }
        return mapping.protocol();
    }

    private static void checkNameAndAppProtocol(String container, PortMapping mapping) {
        if (mapping.name() != null && !NAME.matcher(mapping.name()).matches()) {
            throw InvalidSetting.of(container, "Invalid port mapping 'name' '" + mapping.name() + "': use up to 64 "
                    + "lowercase letters, numbers, underscores and hyphens, not starting with a hyphen.");
        }
        if (mapping.appProtocol() != null && !APP_PROTOCOLS.contains(mapping.appProtocol())) {
            throw InvalidSetting.unknownValue(container, "Invalid port mapping 'appProtocol' '"
                    + mapping.appProtocol() + "': use http, http2 or grpc.");
        }
    }

    private static Claim rangeClaim(String container, PortMapping mapping, String protocol, NetworkMode mode) {
        String range = mapping.containerPortRange();
        if (mapping.containerPort() != null || mapping.hostPort() != null) {
            throw InvalidSetting.of(container, "A port mapping with 'containerPortRange' " + range
                    + " cannot also set 'containerPort' or 'hostPort'.");
        }
        // ECS documents ranges for bridge (dynamic host ports) and awsvpc (the same ports on the task's interface).
        if (mode != NetworkMode.AWSVPC && mode != NetworkMode.BRIDGE) {
            throw InvalidSetting.of(container, "'containerPortRange' needs network mode 'awsvpc' or 'bridge', not '"
                    + mode.wireName() + "'.");
        }
        Matcher m = RANGE.matcher(range);
        int first = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        int last = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (first < 1 || last > MAX_PORT || first >= last) {
            throw InvalidSetting.of(container, "Invalid 'containerPortRange' '" + range + "': use 'first-last' with "
                    + "1 <= first < last <= " + MAX_PORT + ".");
        }
        return new Claim(protocol, first, last, "container port range " + range + "/" + protocol);
    }

    private static int containerPort(String container, PortMapping mapping) {
        Integer port = mapping.containerPort();
        if (port == null) {
            throw InvalidSetting.of(container, "A port mapping needs a 'containerPort' or a 'containerPortRange'.");
        }
        if (port < 1 || port > MAX_PORT) {
            throw InvalidSetting.of(container, "Invalid 'containerPort' " + port + ": use 1 to " + MAX_PORT + ".");
        }
        return port;
    }

    private static Integer hostPort(String container, PortMapping mapping, int containerPort, NetworkMode mode) {
        Integer hostPort = mapping.hostPort();
        if (hostPort != null && (hostPort < 0 || hostPort > MAX_PORT)) {
            throw InvalidSetting.of(container, "Invalid 'hostPort' " + hostPort + ": use 0 to " + MAX_PORT + ".");
        }
        if (mode.mapsPortsOneToOne()) {
            if (hostPort != null && hostPort != containerPort) {
                throw InvalidSetting.of(container, "With network mode '" + mode.wireName() + "', 'hostPort' must be "
                        + "omitted or equal to 'containerPort' (" + containerPort + "), got " + hostPort + ".");
            }
            hostPort = containerPort;
        }
        // awsvpc tasks have their own network interface, so only bridge and host bind the instance's reserved ports.
        if (mode != NetworkMode.AWSVPC && hostPort != null && RESERVED_HOST_PORTS.contains(hostPort)) {
            throw InvalidSetting.of(container, "Host port " + hostPort + " is reserved on every container instance "
                    + "(22, 2375, 2376 and 51678-51680).");
        }
        return hostPort;
    }
}
