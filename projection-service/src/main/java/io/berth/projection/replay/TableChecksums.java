package io.berth.projection.replay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An md5 per view table (and the offsets table) over all its rows in primary-key order, to
 * compare two databases built from the same log, live and replayed: equal checksums mean equal
 * rows, byte for byte. Rows are hashed in their text form with the session in UTC, so time zones
 * cannot differ. Each value also says how many rows were hashed.
 */
public final class TableChecksums {

    /** Each table with its primary key, the order its rows are hashed in. */
    public static final Map<String, String> VIEW_TABLES = orderedViews();

    private TableChecksums() {
    }

    public static Map<String, String> compute(String jdbcUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
            Map<String, String> checksums = new LinkedHashMap<>();
            for (Map.Entry<String, String> table : VIEW_TABLES.entrySet()) {
                String sql = "SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY " + table.getValue()
                        + ")), md5('')) FROM " + table.getKey() + " t";
                try (ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                    checksums.put(table.getKey(), rs.getString(2) + " (" + rs.getLong(1) + " rows)");
                }
            }
            return checksums;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute checksums of " + jdbcUrl, e);
        }
    }

    private static Map<String, String> orderedViews() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (List<String> table : List.of(
                List.of("clusters", "cluster_arn"),
                List.of("task_definitions", "task_definition_arn"),
                List.of("services", "service_arn"),
                List.of("service_events", "service_arn, log_partition, log_offset"),
                List.of("tags", "resource_arn, tag_key"),
                List.of("audit", "topic, log_partition, log_offset"),
                List.of("projection_offsets", "topic, partition"))) {
            tables.put(table.get(0), table.get(1));
        }
        return java.util.Collections.unmodifiableMap(tables);
    }
}
