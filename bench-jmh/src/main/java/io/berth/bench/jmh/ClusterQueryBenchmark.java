package io.berth.bench.jmh;

import io.berth.core.placement.InstanceView;
import io.berth.core.placement.query.ClusterQuery;
import java.util.List;
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
 * The cluster query language (ecs-semantics §4.2): parsing an expression, and evaluating it
 * against every instance of a 1,000-instance fleet, as memberOf and ListContainerInstances do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClusterQueryBenchmark {

    @Param({"attribute:ecs.availability-zone in [bench-1a, bench-1b]",
            "attribute:ecs.instance-type =~ m5.* and not(task:group == service:s2)",
            "runningTasksCount < 3 or agentVersion >= 1.0.0"})
    public String expression;

    private List<InstanceView> fleet;
    private ClusterQuery parsed;

    @Setup
    public void setUp() {
        fleet = Fleet.of(1000);
        parsed = ClusterQuery.parse(expression);
    }

    @Benchmark
    public ClusterQuery parse() {
        return ClusterQuery.parse(expression);
    }

    /** Instances of the 1,000 that match. */
    @Benchmark
    public int evaluateOverAThousandInstances() {
        int matching = 0;
        for (InstanceView instance : fleet) {
            if (parsed.matches(instance)) {
                matching++;
            }
        }
        return matching;
    }
}
