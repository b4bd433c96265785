package io.berth.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Simulated capacity for scale runs, like Kubernetes' KWOK: {@code count} container instances
 * that register through the same agent channel as the real agent ({@code POST /agent/v1/register},
 * heartbeats every 5 s, the long-polled assignment, {@code SubmitTaskStateChange} reports) and
 * acknowledge every task they are given — PENDING, then RUNNING with its containers RUNNING, and
 * STOPPED when asked to stop — without running anything.
 *
 * <p><b>A benchmark tool only.</b> It measures the control plane, never the runtime: it is not a
 * capacity type of the product and must never stand in for the real agent in functional tests
 * (they would pass without a container ever starting). Its instances carry the custom attribute
 * {@value #ATTRIBUTE}={@value #ATTRIBUTE_VALUE} so work can be aimed at them, or kept off them.
 *
 * <p>Instances come in three sizes (2, 4 and 8 vCPU with 4, 8 and 16 GiB) over three
 * availability zones ({@code sim-1a}, {@code sim-1b}, {@code sim-1c}), every size in every zone.
 */
public final class SimulatedFleet implements AutoCloseable {

    public static final String ATTRIBUTE = "berth.bench.fleet";
    public static final String ATTRIBUTE_VALUE = "simulated";
    static final List<SimulatedInstance.Size> SIZES = List.of(new SimulatedInstance.Size(2048, 4096),
            new SimulatedInstance.Size(4096, 8192), new SimulatedInstance.Size(8192, 16384));
    static final List<String> ZONES = List.of("sim-1a", "sim-1b", "sim-1c");
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final AgentChannel channel;
    private final FleetCounters counters = new FleetCounters();
    private final List<SimulatedInstance> instances = new ArrayList<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulated-fleet-heartbeats");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param name distinguishes this fleet's instance ids from another run's
     * @param maxCallsInFlight registrations and reports under way at once (long-polls and heartbeats aside)
     */
    public SimulatedFleet(String endpoint, String cluster, String region, String name, int count,
            int maxCallsInFlight) {
        this.channel = new AgentChannel(endpoint, "berth-bench-fleet", region, maxCallsInFlight);
        for (int i = 0; i < count; i++) {
            instances.add(new SimulatedInstance(channel, counters, cluster, name + "-" + i, SIZES.get(i % SIZES.size()),
                    ZONES.get(i / SIZES.size() % ZONES.size()), region));
        }
    }

    /** Registers every instance, then starts their heartbeats and long-polls. */
    public void start(Duration timeout) throws Exception {
        CompletableFuture.allOf(instances.stream().map(SimulatedInstance::register).toArray(CompletableFuture[]::new))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long spread = HEARTBEAT.toMillis() / Math.max(1, instances.size());
        for (int i = 0; i < instances.size(); i++) {
            heartbeats.scheduleAtFixedRate(instances.get(i)::heartbeat, i * spread, HEARTBEAT.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        instances.forEach(SimulatedInstance::startPolling);
    }

    public int size() {
        return instances.size();
    }

    /** CPU units and MiB of memory registered in all. */
    public long[] capacity() {
        long cpu = 0;
        long memory = 0;
        for (int i = 0; i < instances.size(); i++) {
            cpu += SIZES.get(i % SIZES.size()).cpu();
            memory += SIZES.get(i % SIZES.size()).memory();
        }
        return new long[] {cpu, memory};
    }

    FleetCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        instances.forEach(SimulatedInstance::stop);
        heartbeats.shutdownNow();
        channel.close();
    }
}
