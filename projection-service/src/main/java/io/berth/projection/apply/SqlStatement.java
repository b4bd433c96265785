package io.berth.projection.apply;

/**
 * One set-based statement of a batch: its SQL takes a single parameter, {@code ?1}, a JSON
 * document that the statement unpacks with {@code jsonb_to_recordset} or
 * {@code jsonb_array_elements_text}. One round trip writes a whole table's share of the batch.
 */
public record SqlStatement(String description, String sql, String json) {
}
