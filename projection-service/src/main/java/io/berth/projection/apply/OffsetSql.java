package io.berth.projection.apply;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The statements around every batch's own: the lock on its partitions' rows of
 * {@code projection_offsets}, taken first, and the new next offsets, written last in the same
 * transaction as the batch's view changes.
 */
final class OffsetSql {

    /**
     * Every batch statement reaches its rows by key, through an index. While tables grow fast (a
     * replay starts from empty ones) their statistics lag behind, and the planner would scan a
     * "small" table whole for each batch, a cost that grows with the table: so sequential scans
     * are ruled out for the writing transaction.
     */
    static final String INDEXED_ACCESS = "SET LOCAL enable_seqscan = off";

    /** Makes sure each partition has an offsets row, so that it can be locked. */
    static final String ENSURE_OFFSETS = """
            INSERT INTO projection_offsets (topic, partition, next_offset)
            SELECT r.topic, r.partition, 0
            FROM jsonb_to_recordset(%s) AS r(topic text, partition integer)
            ON CONFLICT (topic, partition) DO NOTHING
            """.formatted(JsonParameter.FIRST);

    /**
     * Locks the batch's offsets rows until commit: another instance that still believes it owns a
     * partition (a rebalance in flight) waits here and then finds the offsets moved.
     */
    static final String LOCK_OFFSETS = """
            SELECT o.partition, o.next_offset FROM projection_offsets o
            WHERE o.topic = ?1 AND o.partition IN (SELECT CAST(jsonb_array_elements_text(CAST(CAST(?2 AS text) AS jsonb)) AS integer))
            ORDER BY o.partition
            FOR UPDATE
            """;

    static final String SAVE_OFFSETS = """
            INSERT INTO projection_offsets (topic, partition, next_offset)
            SELECT r.topic, r.partition, r.next_offset
            FROM jsonb_to_recordset(%s) AS r(topic text, partition integer, next_offset bigint)
            ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset
            """.formatted(JsonParameter.FIRST);

    private OffsetSql() {
    }

    /** The statement that stores the batch's next offsets. */
    static SqlStatement save(FoldedBatch batch) {
        return new SqlStatement("save offsets", SAVE_OFFSETS, List.of(JsonParameter.write(g -> {
            g.writeStartArray();
            for (Map.Entry<Integer, Long> next : batch.nextOffsets().entrySet()) {
                g.writeStartObject();
                g.writeStringField("topic", batch.topic());
                g.writeNumberField("partition", next.getKey());
                g.writeNumberField("next_offset", next.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
        })));
    }

    /** The JSON parameter of {@link #ENSURE_OFFSETS}. */
    static String offsetKeys(String topic, Collection<Integer> partitions) {
        return JsonParameter.write(g -> {
            g.writeStartArray();
            for (int partition : partitions) {
                g.writeStartObject();
                g.writeStringField("topic", topic);
                g.writeNumberField("partition", partition);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** The JSON parameter of {@link #LOCK_OFFSETS}'s partition list. */
    static String partitions(Collection<Integer> partitions) {
        return JsonParameter.write(g -> {
            g.writeStartArray();
            for (int partition : partitions) {
                g.writeString(String.valueOf(partition));
            }
            g.writeEndArray();
        });
    }
}
