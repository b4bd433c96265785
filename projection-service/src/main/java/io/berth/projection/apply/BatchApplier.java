package io.berth.projection.apply;

import io.berth.core.log.Topics;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Applies batches of records for the threads that read Kafka (the live consumers, the replay):
 * berth.events into the ECS views ({@link ViewChanges}), berth.logs into the container logs
 * ({@link LogChanges}). It remembers each partition's next offset as of the batches it folded, so
 * folding needs no round trip; the write checks that memory against the stored offsets under
 * lock. Blocking; never call it on an event loop.
 */
@ApplicationScoped
public class BatchApplier {

    private static final Logger LOG = Logger.getLogger(BatchApplier.class);
    private static final int ATTEMPTS = 3;

    private final ProjectionWriter writer;
    private final Map<String, Map<Integer, Long>> known = new ConcurrentHashMap<>();

    public BatchApplier(ProjectionWriter writer) {
        this.writer = writer;
    }

    /** The stored next offset of each partition of the topic, read from the database and remembered. */
    public Map<Integer, Long> refreshOffsets(String topic) {
        Map<Integer, Long> stored = new ConcurrentHashMap<>(await(() -> writer.storedOffsets(topic)));
        known.put(topic, stored);
        return Map.copyOf(stored);
    }

    /**
     * Folds the records against the offsets of the batches folded before (which the caller writes
     * in the same order) and moves those offsets past them.
     */
    public FoldedBatch fold(String topic, List<LogRecord> records) {
        Map<Integer, Long> offsets = known.get(topic);
        if (offsets == null) {
            refreshOffsets(topic);
            offsets = known.get(topic);
        }
        FoldedBatch changes = switch (topic) {
            case Topics.EVENTS -> ViewChanges.fold(topic, records, offsets);
            case Topics.LOGS -> LogChanges.fold(topic, records, offsets);
            default -> throw new IllegalArgumentException("no view is derived from " + topic);
        };
        offsets.putAll(changes.nextOffsets());
        return changes;
    }

    /** Writes a folded batch with its offsets, in one transaction. */
    public void write(FoldedBatch changes) {
        await(() -> writer.write(changes));
    }

    /**
     * Folds and writes the records (skipping those already applied). When another writer moved
     * the offsets meanwhile, reads them again and folds anew; on any other failure forgets the
     * remembered offsets, so that the next batch starts from the stored ones.
     */
    public FoldedBatch apply(String topic, List<LogRecord> records) {
        for (int attempt = 1;; attempt++) {
            try {
                FoldedBatch changes = fold(topic, records);
                write(changes);
                return changes;
            } catch (StaleBatchException e) {
                known.remove(topic);
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.infof("%s; folding the batch again", e.getMessage());
            } catch (RuntimeException e) {
                known.remove(topic);
                throw e;
            }
        }
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
