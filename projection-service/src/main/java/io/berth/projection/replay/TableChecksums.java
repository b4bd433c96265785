package io.berth.projection.replay;

import io.berth.core.log.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An md5 per view table of berth.events (and its rows of the offsets table) over all its rows in
 * primary-key order, to compare two databases built from the same log, live and replayed: equal
 * checksums mean equal rows, byte for byte. Rows are hashed in their text form with the session
 * in UTC, so time zones cannot differ. Each value also says how many rows were hashed. The
 * container logs (berth.logs) are left out: a replay does not rebuild them.
 */
public final class TableChecksums {

    /** A table, the rows of it that come from berth.events, and its primary key: the order rows are hashed in. */
    private record Table(String name, String rows, String primaryKey) {
    }

    private static final List<Table> VIEW_TABLES = List.of(
            new Table("clusters", "true", "cluster_arn"),
            new Table("task_definitions", "true", "task_definition_arn"),
            new Table("services", "true", "service_arn"),
            new Table("service_events", "true", "service_arn, log_partition, log_offset"),
            new Table("tags", "true", "resource_arn, tag_key"),
            new Table("container_instances", "true", "container_instance_arn"),
            new Table("tasks", "true", "task_arn"),
            new Table("service_deployments", "true", "service_deployment_arn"),
            new Table("audit", "true", "topic, log_partition, log_offset"),
            new Table("projection_offsets", "topic = '" + Topics.EVENTS + "'", "topic, partition"));

    private TableChecksums() {
    }

    public static Map<String, String> compute(String jdbcUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
            Map<String, String> checksums = new LinkedHashMap<>();
            for (Table table : VIEW_TABLES) {
                String sql = "SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY " + table.primaryKey()
                        + ")), md5('')) FROM " + table.name() + " t WHERE " + table.rows();
                try (ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                    checksums.put(table.name(), rs.getString(2) + " (" + rs.getLong(1) + " rows)");
                }
            }
            return checksums;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute checksums of " + jdbcUrl, e);
        }
    }
}
