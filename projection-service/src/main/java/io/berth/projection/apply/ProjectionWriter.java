package io.berth.projection.apply;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes folded batches to PostgreSQL through Hibernate Reactive: the view changes and the
 * partitions' next offsets in one transaction, so a batch is applied entirely or not at all and
 * the stored offsets always say exactly which records the views contain (design rule 5).
 */
@ApplicationScoped
public class ProjectionWriter {

    /** The stored next offsets of a topic's partitions (absent partitions have applied nothing). */
    public Uni<Map<Integer, Long>> storedOffsets(String topic) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT partition, next_offset FROM projection_offsets WHERE topic = ?1",
                        Object[].class)
                .setParameter(1, topic)
                .getResultList())
                .map(ProjectionWriter::toOffsets));
    }

    /**
     * Applies the batch, provided its partitions' stored offsets are still those it was folded
     * against; otherwise fails with {@link StaleBatchException} and changes nothing.
     */
    public Uni<Void> write(FoldedBatch changes) {
        if (changes.nextOffsets().equals(changes.appliedBefore())) {
            return Uni.createFrom().voidItem();
        }
        List<SqlStatement> statements = changes.statements();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                lockOffsets(session, changes).chain(stored -> {
                    if (!stored.equals(changes.appliedBefore())) {
                        return Uni.createFrom().failure(new StaleBatchException(changes.topic(),
                                changes.appliedBefore(), stored));
                    }
                    return execute(session, statements);
                })));
    }

    private static Uni<Map<Integer, Long>> lockOffsets(Mutiny.Session session, FoldedBatch changes) {
        var partitions = changes.appliedBefore().keySet();
        return session.createNativeQuery(OffsetSql.INDEXED_ACCESS).executeUpdate()
                .chain(() -> session.createNativeQuery(OffsetSql.ENSURE_OFFSETS)
                        .setParameter(1, OffsetSql.offsetKeys(changes.topic(), partitions))
                        .executeUpdate())
                .chain(() -> session.createNativeQuery(OffsetSql.LOCK_OFFSETS, Object[].class)
                        .setParameter(1, changes.topic())
                        .setParameter(2, OffsetSql.partitions(partitions))
                        .getResultList())
                .map(ProjectionWriter::toOffsets);
    }

    private static Uni<Void> execute(Mutiny.Session session, List<SqlStatement> statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SqlStatement statement : statements) {
            chain = chain.chain(() -> bind(session.<Object>createNativeQuery(statement.sql()), statement.parameters())
                    .executeUpdate()
                    .onFailure().transform(e -> new IllegalStateException(
                            "cannot " + statement.description() + ": " + abbreviated(e.getMessage()), e))
                    .replaceWithVoid());
        }
        return chain;
    }

    private static Mutiny.Query<Object> bind(Mutiny.Query<Object> query, List<String> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /** Driver messages may quote a whole batch's parameter; the first lines say what went wrong. */
    private static String abbreviated(String message) {
        return message == null || message.length() <= 600 ? message : message.substring(0, 600) + "...";
    }

    private static Map<Integer, Long> toOffsets(List<Object[]> rows) {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (Object[] row : rows) {
            offsets.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return offsets;
    }
}
