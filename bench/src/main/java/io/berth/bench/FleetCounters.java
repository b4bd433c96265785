package io.berth.bench;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a simulated fleet did and saw: calls made and failed, and every instance found holding
 * more than it registered — a placement that overcommits, which the control plane must never make.
 */
final class FleetCounters {

    private static final int SAMPLES = 5;

    final AtomicInteger registered = new AtomicInteger();
    final AtomicLong assignments = new AtomicLong();
    final AtomicLong assignmentFailures = new AtomicLong();
    final Map<String, AtomicLong> reports = new ConcurrentHashMap<>();
    final AtomicLong reportFailures = new AtomicLong();
    final AtomicLong heartbeats = new AtomicLong();
    final AtomicLong heartbeatFailures = new AtomicLong();
    /** Instances seen (at least once) holding more CPU or memory than they registered. */
    final Map<String, String> overcommitted = new ConcurrentHashMap<>();
    /** The first few failure messages, to tell why without a log of thousands. */
    final Queue<String> failureSamples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sampled = new AtomicInteger();

    void reported(String status) {
        reports.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    long reportsOf(String status) {
        AtomicLong count = reports.get(status);
        return count == null ? 0 : count.get();
    }

    void failed(String what, Throwable error) {
        if (sampled.incrementAndGet() <= SAMPLES) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            failureSamples.add(what + ": " + cause);
        }
    }

    void overcommitted(String instanceArn, String detail) {
        overcommitted.putIfAbsent(instanceArn, detail);
    }

    String summary() {
        return String.format("%d instances registered; %d assignments read (%d failed); reports PENDING %d, RUNNING %d, "
                        + "STOPPED %d (%d failed); %d heartbeats (%d failed); %d instances overcommitted",
                registered.get(), assignments.get(), assignmentFailures.get(), reportsOf("PENDING"),
                reportsOf("RUNNING"), reportsOf("STOPPED"), reportFailures.get(), heartbeats.get(),
                heartbeatFailures.get(), overcommitted.size());
    }
}
