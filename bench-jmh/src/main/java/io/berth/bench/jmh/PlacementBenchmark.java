package io.berth.bench.jmh;

import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.PlacementStrategy;
import io.berth.core.placement.InstanceView;
import io.berth.core.placement.PlacementOutcome;
import io.berth.core.placement.TaskPlacer;
import io.berth.core.placement.TaskShape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One placement ({@link TaskPlacer#place}, count 1 and a burst of 10) over 1,000 and 10,000
 * instances: filter (resources, ports, constraints), rank by the strategies, reserve — what
 * RunTask and every service plan pay per task.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlacementBenchmark {

    private static final Map<String, List<PlacementStrategy>> STRATEGIES = Map.of(
            "spreadZoneThenInstance", List.of(new PlacementStrategy("spread", "attribute:ecs.availability-zone"),
                    new PlacementStrategy("spread", "instanceId")),
            "binpackMemory", List.of(new PlacementStrategy("binpack", "memory")),
            "random", List.of(new PlacementStrategy("random", null)));

    @Param({"1000", "10000"})
    public int instances;

    @Param({"spreadZoneThenInstance", "binpackMemory", "random"})
    public String strategy;

    @Param({"none", "memberOfZone"})
    public String constraint;

    private List<InstanceView> fleet;
    private TaskShape shape;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup
    public void setUp() {
        fleet = Fleet.of(instances);
        List<PlacementConstraint> constraints = constraint.equals("none") ? List.of()
                : List.of(new PlacementConstraint("memberOf", "attribute:ecs.availability-zone in [bench-1a, bench-1b]"));
        shape = new TaskShape(256, 512, null, null, "service:s1", constraints, STRATEGIES.get(strategy));
    }

    @Benchmark
    public PlacementOutcome placeOne() {
        return TaskPlacer.place(shape, 1, fleet, random);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PlacementOutcome placeTen() {
        return TaskPlacer.place(shape, 10, fleet, random);
    }
}
