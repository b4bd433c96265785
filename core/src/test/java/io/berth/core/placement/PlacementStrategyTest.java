package io.berth.core.placement;

import static io.berth.core.placement.PlacementRows.instances;
import static io.berth.core.placement.PlacementRows.placedOn;
import static io.berth.core.placement.PlacementRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.model.PlacementStrategy;
import io.berth.core.placement.PlacementRows.Expected;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strategies ordering the instances that pass the filters: binpack, spread, random, chained (ecs-semantics §4.1). */
class PlacementStrategyTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                row("binpack memory: the instance with the least memory left",
                        instances(Instance.named("a").memory(4096), Instance.named("b").memory(1024),
                                Instance.named("c").memory(2048)),
                        Task.web().memory(512).strategy("binpack", "memory"), 1, placedOn("b")),
                row("binpack memory: fills the fullest, then the next fullest",
                        instances(Instance.named("a").memory(4096), Instance.named("b").memory(1024),
                                Instance.named("c").memory(2048)),
                        Task.web().memory(512).strategy("binpack", "memory"), 5, placedOn("b", "b", "c", "c", "c")),
                row("binpack memory: the fullest instance that fits",
                        instances(Instance.named("a").memory(4096), Instance.named("b").memory(256)),
                        Task.web().memory(512).strategy("binpack", "memory"), 1, placedOn("a")),
                row("binpack cpu: the instance with the least CPU left",
                        instances(Instance.named("a").cpu(2048).memory(1024), Instance.named("b").cpu(1024)
                                .memory(8192)),
                        Task.web().cpu(512).strategy("binpack", "cpu"), 3, placedOn("b", "b", "a")),
                row("binpack takes its field in capitals",
                        instances(Instance.named("a").memory(4096), Instance.named("b").memory(1024)),
                        Task.web().strategy("binpack", "MEMORY"), 1, placedOn("b")),
                row("spread instanceId: fewest tasks of the group first, other groups aside",
                        instances(Instance.named("a").tasks(Task.GROUP, Task.GROUP, Task.GROUP),
                                Instance.named("b").tasks(Task.GROUP, Task.GROUP),
                                Instance.named("c").tasks("family:other", "family:other", "family:other")),
                        Task.web().strategy("spread", "instanceId"), 2, placedOn("c", "c")),
                row("spread instanceId: the call's own tasks count, so the second task ties and binpack decides",
                        instances(Instance.named("a").tasks(Task.GROUP).memory(1000), Instance.named("b").memory(8000)),
                        Task.web().strategy("spread", "instanceId").strategy("binpack", "memory"), 2,
                        placedOn("b", "a")),
                row("spread host is spread instanceId",
                        instances(Instance.named("a").tasks(Task.GROUP), Instance.named("b")),
                        Task.web().strategy("spread", "host"), 1, placedOn("b")),
                row("spread attribute: the zone with fewest tasks of the group, counting every instance in it",
                        instances(Instance.named("a1").az("a").tasks(Task.GROUP),
                                Instance.named("a2").az("a").tasks(Task.GROUP), Instance.named("b1").az("b")),
                        Task.web().strategy("spread", "attribute:ecs.availability-zone"), 2, placedOn("b1", "b1")),
                row("spread attribute: instances without the attribute are a bucket of their own",
                        instances(Instance.named("a").az("x").tasks(Task.GROUP), Instance.named("b")),
                        Task.web().strategy("spread", "attribute:ecs.availability-zone"), 1, placedOn("b")),
                row("chained: spread over zones, then binpack memory within the zone",
                        instances(Instance.named("x1").az("x").memory(1000), Instance.named("x2").az("x").memory(3000),
                                Instance.named("y1").az("y").memory(2000), Instance.named("y2").az("y").memory(4000)),
                        Task.web().memory(100).strategy("spread", "attribute:ecs.availability-zone")
                                .strategy("binpack", "memory"), 4, placedOn("x1", "y1", "x1", "y1")),
                row("chained: binpack memory ties broken by binpack cpu",
                        instances(Instance.named("a").memory(1000).cpu(500), Instance.named("b").memory(1000).cpu(300),
                                Instance.named("c").memory(2000).cpu(100)),
                        Task.web().memory(100).cpu(10).strategy("binpack", "memory").strategy("binpack", "cpu"), 1,
                        placedOn("b")),
                row("chained: the first strategy decides when it can",
                        instances(Instance.named("a").memory(1000).cpu(4000),
                                Instance.named("b").memory(2000).cpu(300)),
                        Task.web().strategy("binpack", "memory").strategy("binpack", "cpu"), 1, placedOn("a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void places(List<InstanceView> instances, TaskShape shape, int count, Expected expected) {
        PlacementRows.assertPlacement(instances, shape, count, expected);
    }

    @Test
    void spreadOverZonesThenInstancesPutsTwoTasksInEachZoneAndOneOnEachInstance() {
        List<InstanceView> cluster = Stream.of("a", "b", "c")
                .flatMap(zone -> Stream.of(Instance.named(zone + "1").az(zone), Instance.named(zone + "2").az(zone)))
                .map(Instance::view).toList();
        TaskShape shape = Task.web().strategy("spread", "attribute:ecs.availability-zone")
                .strategy("spread", "instanceId").shape();
        for (long seed = 1; seed <= 200; seed++) {
            List<String> placed = TaskPlacer.place(shape, 6, cluster, new Random(seed)).placedOn().stream()
                    .map(Instance::id).toList();
            assertThat(placed).as("seed %d", seed).hasSize(6).doesNotHaveDuplicates();
            assertThat(countBy(placed, id -> id.substring(0, 1))).as("tasks per zone, seed %d", seed)
                    .isEqualTo(Map.of("a", 2L, "b", 2L, "c", 2L));
        }
    }

    @Test
    void spreadOverInstancesWithoutSpreadOverZonesCanCrowdAZone() {
        // The control for the test above: instance spread alone balances instances, not zones, so
        // unequal zones stay unequal and the zone strategy is what made them equal.
        List<InstanceView> cluster = List.of(Instance.named("a1").az("a").view(), Instance.named("a2").az("a").view(),
                Instance.named("b1").az("b").view());
        TaskShape shape = Task.web().strategy("spread", "instanceId").shape();
        List<String> placed = TaskPlacer.place(shape, 3, cluster, new Random(7)).placedOn().stream()
                .map(Instance::id).toList();
        assertThat(countBy(placed, id -> id.substring(0, 1))).isEqualTo(Map.of("a", 2L, "b", 1L));
    }

    static Stream<Arguments> randomStrategies() {
        return Stream.of(
                Arguments.of(Named.of("no strategies", List.of())),
                Arguments.of(Named.of("random", List.of(new PlacementStrategy("random", null)))),
                Arguments.of(Named.of("random, then a binpack that never gets a tie to break", List.of(
                        new PlacementStrategy("random", null), new PlacementStrategy("binpack", "memory")))),
                Arguments.of(Named.of("spread over empty instances, ties broken at random", List.of(
                        new PlacementStrategy("spread", "instanceId")))));
    }

    @ParameterizedTest(name = "{0}: every instance is about equally likely")
    @MethodSource("randomStrategies")
    void randomPlacementIsUniformOverSeeds(List<PlacementStrategy> strategies) {
        List<InstanceView> cluster = List.of(Instance.named("a").memory(1024).view(),
                Instance.named("b").memory(2048).view(), Instance.named("c").memory(4096).view());
        TaskShape shape = new TaskShape(256, 512, null, null, Task.GROUP, null, strategies);
        Map<String, Long> chosen = new HashMap<>();
        for (long seed = 0; seed < 3000; seed++) {
            String id = Instance.id(TaskPlacer.place(shape, 1, cluster, new Random(seed)).placedOn().get(0));
            chosen.merge(id, 1L, Long::sum);
        }
        assertThat(chosen.keySet()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(chosen.values()).allSatisfy(times -> assertThat(times).isBetween(850L, 1150L));
    }

    @Test
    void aSeedGivesTheSameOutcomeEveryTimeAndSeedsDiffer() {
        List<InstanceView> cluster = Stream.of("a", "b", "c", "d", "e").map(id -> Instance.named(id).view()).toList();
        TaskShape shape = Task.web().shape();
        Set<List<String>> outcomes = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            PlacementOutcome first = TaskPlacer.place(shape, 10, cluster, new Random(seed));
            assertThat(TaskPlacer.place(shape, 10, cluster, new Random(seed))).as("seed %d", seed).isEqualTo(first);
            outcomes.add(first.placedOn());
        }
        assertThat(outcomes).hasSizeGreaterThan(10);
    }

    @Test
    void theViewsPassedInAreLeftAsTheyWere() {
        List<InstanceView> cluster = List.of(Instance.named("a").tcp(22).view());
        List<InstanceView> before = List.copyOf(cluster);
        TaskPlacer.place(Task.web().tcp(80).shape(), 1, cluster, new Random(1));
        assertThat(cluster).isEqualTo(before);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                invalid("an unknown strategy type", new PlacementStrategy("pack", "memory"),
                        "Unknown placement strategy type 'pack'"),
                invalid("binpack on disk", new PlacementStrategy("binpack", "disk"), "binpack", "'disk'"),
                invalid("binpack without a field", new PlacementStrategy("binpack", null), "binpack", "cpu or memory"),
                invalid("spread on a field that is not one", new PlacementStrategy("spread", "zone"), "spread",
                        "'zone'"),
                invalid("spread on an attribute without a name", new PlacementStrategy("spread", "attribute:"),
                        "spread", "attribute:<name>"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("invalid")
    void rejects(PlacementStrategy strategy, List<String> messageFragments) {
        TaskShape shape = new TaskShape(0, 0, null, null, Task.GROUP, null, List.of(strategy));
        EcsException rejection = catchThrowableOfType(EcsException.class,
                () -> TaskPlacer.place(shape, 1, List.of(Instance.named("a").view()), new Random(1)));
        assertThat(rejection).isNotNull();
        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(rejection.getMessage()).contains(messageFragments);
    }

    private static Arguments invalid(String why, PlacementStrategy strategy, String... messageFragments) {
        return Arguments.of(Named.of(why, strategy), Arrays.asList(messageFragments));
    }

    private static Map<String, Long> countBy(List<String> ids, Function<String, String> key) {
        return ids.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
