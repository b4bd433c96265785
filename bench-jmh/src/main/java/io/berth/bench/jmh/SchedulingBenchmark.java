package io.berth.bench.jmh;

import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.Decision;
import io.berth.core.event.Event;
import io.berth.core.model.Task;
import io.berth.core.scheduling.ServicePlan;
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
 * The busiest pure functions of a cluster boundary: the scheduler's plan of a settled service
 * (paid for every service every second) and of a service whose task definition just changed
 * (the first rollout plan, placing a batch), the decider on an agent's task report (the most
 * frequent command) and evolve on the event it produces.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SchedulingBenchmark {

    @Param({"100", "1000"})
    public int instances;

    @Param({"100", "1000"})
    public int tasks;

    private BenchCluster settled;
    private BenchCluster updating;
    private Task someTask;
    private SubmitTaskStateChange stoppedReport;
    private Event reportEvent;

    @Setup
    public void setUp() {
        settled = BenchCluster.settled(instances, tasks);
        updating = BenchCluster.settled(instances, tasks);
        updating.decide(BenchCluster.read(UpdateService.class, "{'cluster':'" + BenchCluster.NAME + "','service':'"
                + BenchCluster.SERVICE + "','forceNewDeployment':true}"));
        someTask = settled.state.tasks().iterator().next();
        stoppedReport = BenchCluster.read(SubmitTaskStateChange.class, "{'cluster':'" + BenchCluster.NAME
                + "','task':'" + someTask.taskArn() + "','status':'STOPPED','containers':[{'containerName':'app',"
                + "'status':'STOPPED','exitCode':1}]}");
        reportEvent = settled.decideOnly(stoppedReport).events().get(0);
    }

    @Benchmark
    public ServicePlan planASettledService() {
        return settled.plan();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ServicePlan planTheFirstStepOfARollout() {
        return updating.plan();
    }

    /** An essential container exited: the task STOPPED with its stop code, the service's counts untouched. */
    @Benchmark
    public Decision decideATaskReport() {
        return settled.decideOnly(stoppedReport);
    }

    /** The state with that report's event applied (the same event again each time: a map write). */
    @Benchmark
    public Object evolveATaskChange() {
        return settled.state.apply(reportEvent);
    }
}
