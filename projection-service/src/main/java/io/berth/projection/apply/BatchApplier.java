package io.berth.projection.apply;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Applies batches of records for the threads that read Kafka (the live consumer, the replay):
 * folds them against the offsets it last knew, writes them, and on a {@link StaleBatchException}
 * reads the stored offsets again and folds anew. Blocking; never call it on an event loop.
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

    /** The stored next offset of each partition of the topic, read from the database. */
    public Map<Integer, Long> refreshOffsets(String topic) {
        Map<Integer, Long> stored = Map.copyOf(await(() -> writer.storedOffsets(topic)));
        known.put(topic, stored);
        return stored;
    }

    /** Applies the records (skipping those already applied) and returns what the batch changed. */
    public ViewChanges apply(String topic, List<LogRecord> records) {
        Map<Integer, Long> offsets = known.get(topic);
        if (offsets == null) {
            offsets = refreshOffsets(topic);
        }
        for (int attempt = 1;; attempt++) {
            ViewChanges changes = ViewChanges.fold(topic, records, offsets);
            try {
                await(() -> writer.write(changes));
                Map<Integer, Long> updated = new java.util.HashMap<>(offsets);
                updated.putAll(changes.nextOffsets());
                known.put(topic, Map.copyOf(updated));
                return changes;
            } catch (StaleBatchException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.infof("%s; folding the batch again", e.getMessage());
                offsets = refreshOffsets(topic);
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
