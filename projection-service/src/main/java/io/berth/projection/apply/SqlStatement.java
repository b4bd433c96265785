package io.berth.projection.apply;

import java.util.List;

/**
 * One set-based statement of a batch: a whole table's share of the batch in one round trip. Its
 * parameters ({@code ?1}, {@code ?2}, ...) are text: either one JSON array of rows, unpacked with
 * {@code jsonb_to_recordset}, or one PostgreSQL array literal per column, unpacked with
 * {@code unnest} (cheaper for the many narrow rows of the audit and the service events).
 */
public record SqlStatement(String description, String sql, List<String> parameters) {
}
