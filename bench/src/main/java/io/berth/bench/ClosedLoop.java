package io.berth.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code callers} threads, each sending its next call as soon as the previous
 * one answered, for a warm-up and then a measured period. Latency is counted from send to answer
 * of each call that started within the measured period.
 */
final class ClosedLoop {

    /** One call of caller {@code caller}, its {@code sequence}-th; answers what kind of call it made. */
    @FunctionalInterface
    interface Call {
        String run(int caller, long sequence) throws Exception;
    }

    /**
     * Calls per second, their latencies (all, and by the kind each call answered), and how many
     * failed (the first failure as a sample).
     */
    record Result(int callers, double perSecond, Latencies latencies, Map<String, Latencies> byKind, int errors,
            String firstError) {

        /** The run as report metrics: rate, p50, p99, p99.9 and errors. */
        Map<String, Object> metrics() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("perSecond", perSecond);
            row.put("p50Ms", latencies.medianMs());
            row.put("p99Ms", latencies.percentileMs(99));
            row.put("p999Ms", latencies.percentileMs(99.9));
            row.put("errors", errors);
            return row;
        }
    }

    private ClosedLoop() {
    }

    static Result run(int callers, double warmupSeconds, double measureSeconds, Call call)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureUntil = measureFrom + (long) (measureSeconds * 1e9);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Long>> byKind = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(callers);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            Thread thread = new Thread(() -> {
                try {
                    for (long sequence = 0; ; sequence++) {
                        long sent = System.nanoTime();
                        if (sent >= measureUntil) {
                            return;
                        }
                        String kind;
                        try {
                            kind = call.run(caller, sequence);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            if (sent >= measureFrom) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, e.toString());
                            }
                            continue;
                        }
                        if (sent >= measureFrom) {
                            long latency = System.nanoTime() - sent;
                            latencies.add(latency);
                            byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(latency);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + caller);
            threads.add(thread);
            thread.start();
        }
        done.await();
        Latencies measured = Latencies.ofNanos(latencies);
        Map<String, Latencies> kinds = new TreeMap<>();
        byKind.forEach((kind, samples) -> kinds.put(kind, Latencies.ofNanos(samples)));
        return new Result(callers, Latencies.round(measured.count() / measureSeconds, 1), measured, kinds,
                errors.get(), firstError.get());
    }
}
