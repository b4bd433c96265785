package io.berth.projection.replay;

import io.berth.projection.apply.BatchApplier;
import io.berth.projection.apply.FoldedBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes folded batches on a few threads, each owning the partitions {@code p % lanes}: a lane
 * writes its batches in order, one at a time, and lanes write side by side on their own
 * connections. Partitions share no rows (every row belongs to one boundary, and a boundary to one
 * partition), so their transactions never wait for each other. Each lane holds a few batches,
 * so the reader runs ahead of slow batches but never far.
 */
final class WriteLanes implements AutoCloseable {

    /** Batches a lane may hold: enough to ride out uneven batch costs, few enough to bound memory. */
    private static final int DEPTH = 3;

    private final BatchApplier applier;
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final List<ArrayDeque<Future<?>>> inFlight = new ArrayList<>();

    WriteLanes(BatchApplier applier, int count) {
        this.applier = applier;
        for (int i = 0; i < count; i++) {
            String name = "berth-replay-writer-" + i;
            lanes.add(Executors.newSingleThreadExecutor(r -> new Thread(r, name)));
            inFlight.add(new ArrayDeque<>());
        }
    }

    int count() {
        return lanes.size();
    }

    int laneOf(int partition) {
        return partition % lanes.size();
    }

    /** Queues the batch on its lane, after waiting while the lane already holds {@value #DEPTH}. */
    void write(int lane, FoldedBatch changes) {
        ArrayDeque<Future<?>> queued = inFlight.get(lane);
        while (queued.size() >= DEPTH) {
            finish(queued.poll());
        }
        queued.add(lanes.get(lane).submit(() -> applier.write(changes)));
    }

    /** Waits until every lane has written all it was given; a failed write ends the replay. */
    void finishAll() {
        inFlight.forEach(queued -> queued.forEach(WriteLanes::finish));
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }

    private static void finish(Future<?> write) {
        try {
            write.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("a replay write failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }
}
