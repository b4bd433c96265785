package io.berth.core.placement;

import static io.berth.core.placement.PlacementFailureReasons.AGENT;
import static io.berth.core.placement.PlacementFailureReasons.NO_CONTAINER_INSTANCES;
import static io.berth.core.placement.PlacementFailureReasons.RESOURCE_CPU;
import static io.berth.core.placement.PlacementFailureReasons.RESOURCE_MEMORY;
import static io.berth.core.placement.PlacementFailureReasons.RESOURCE_PORTS;
import static io.berth.core.placement.PlacementFailureReasons.RESOURCE_PORTS_UDP;
import static io.berth.core.placement.PlacementRows.failure;
import static io.berth.core.placement.PlacementRows.instances;
import static io.berth.core.placement.PlacementRows.placedOn;
import static io.berth.core.placement.PlacementRows.row;

import io.berth.core.placement.PlacementRows.Expected;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which instances can take a task at all: live agents and enough CPU, memory and free ports (ecs-semantics §4.1). */
class ResourceFitTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                row("CPU: exactly what is left fits", instances(Instance.named("a").cpu(256)), Task.web().cpu(256), 1,
                        placedOn("a")),
                row("CPU: one unit more than is left fails", instances(Instance.named("a").cpu(255)),
                        Task.web().cpu(256), 1, placedOn().thenFail(1, failure("a", RESOURCE_CPU))),
                row("CPU: a task reserving none fits an instance with none left",
                        instances(Instance.named("a").cpu(0)), Task.web().cpu(0), 1, placedOn("a")),
                row("memory: exactly what is left fits", instances(Instance.named("a").memory(512)),
                        Task.web().memory(512), 1, placedOn("a")),
                row("memory: one MiB more than is left fails", instances(Instance.named("a").memory(511)),
                        Task.web().memory(512), 1, placedOn().thenFail(1, failure("a", RESOURCE_MEMORY))),
                row("memory: the second task finds what the first left", instances(Instance.named("a").memory(1024)),
                        Task.web().memory(512), 3, placedOn("a", "a").thenFail(1, failure("a", RESOURCE_MEMORY))),
                row("capacity for 3 of 5: the other 2 fail", instances(Instance.named("a").memory(1536)),
                        Task.web().memory(512), 5, placedOn("a", "a", "a").thenFail(2, failure("a", RESOURCE_MEMORY))),
                row("ports: a free TCP host port fits", instances(Instance.named("a").tcp(443)), Task.web().tcp(80), 1,
                        placedOn("a")),
                row("ports: a used TCP host port fails", instances(Instance.named("a").tcp(80, 443)),
                        Task.web().tcp(80), 1, placedOn().thenFail(1, failure("a", RESOURCE_PORTS))),
                row("ports: one of several ports used fails", instances(Instance.named("a").tcp(8443)),
                        Task.web().tcp(80, 8443), 1, placedOn().thenFail(1, failure("a", RESOURCE_PORTS))),
                row("ports: a task placed earlier in the call holds its port",
                        instances(Instance.named("a")), Task.web().tcp(80), 2,
                        placedOn("a").thenFail(1, failure("a", RESOURCE_PORTS))),
                row("ports: the port moves the second task to the other instance",
                        instances(Instance.named("a").memory(8192), Instance.named("b").memory(1024)),
                        Task.web().tcp(80).strategy("binpack", "memory"), 2, placedOn("b", "a")),
                row("ports: a used UDP port fails", instances(Instance.named("a").udp(53)), Task.web().udp(53), 1,
                        placedOn().thenFail(1, failure("a", RESOURCE_PORTS_UDP))),
                row("ports: a port used for TCP is free for UDP", instances(Instance.named("a").tcp(53)),
                        Task.web().udp(53), 1, placedOn("a")),
                row("ports: a port used for UDP is free for TCP", instances(Instance.named("a").udp(53)),
                        Task.web().tcp(53), 1, placedOn("a")),
                row("the failure is the last filter to leave nothing: b passes CPU but lacks memory",
                        instances(Instance.named("a").cpu(0), Instance.named("b").memory(0)), Task.web(), 1,
                        placedOn().thenFail(1, failure("b", RESOURCE_MEMORY))),
                row("the failure names the first of the closest instances",
                        instances(Instance.named("a").cpu(0), Instance.named("b").memory(0),
                                Instance.named("c").memory(100)), Task.web(), 1,
                        placedOn().thenFail(1, failure("b", RESOURCE_MEMORY))),
                row("CPU and memory both short: CPU is checked first",
                        instances(Instance.named("a").cpu(0).memory(0)), Task.web(), 1,
                        placedOn().thenFail(1, failure("a", RESOURCE_CPU))),
                row("AGENT: no agent connected",
                        instances(Instance.named("a").disconnected(), Instance.named("b").disconnected()),
                        Task.web(), 2,
                        placedOn().thenFail(2, failure("a", AGENT))),
                row("a disconnected instance is passed over",
                        instances(Instance.named("a").disconnected(), Instance.named("b")), Task.web(), 3,
                        placedOn("b", "b", "b")),
                row("a DRAINING instance is passed over",
                        instances(Instance.named("a").status("DRAINING"), Instance.named("b").memory(1024)),
                        Task.web(), 3, placedOn("b", "b").thenFail(1, failure("b", RESOURCE_MEMORY))),
                row("AGENT: only DRAINING instances", instances(Instance.named("a").status("DRAINING")), Task.web(), 1,
                        placedOn().thenFail(1, failure("a", AGENT))),
                row("an empty cluster", instances(), Task.web(), 2,
                        placedOn().thenFail(2, failure(null, NO_CONTAINER_INSTANCES))),
                row("a count of zero places nothing", instances(Instance.named("a")), Task.web(), 0, placedOn()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void places(List<InstanceView> instances, TaskShape shape, int count, Expected expected) {
        PlacementRows.assertPlacement(instances, shape, count, expected);
    }
}
