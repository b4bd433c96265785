package io.berth.projection.support;

import io.berth.projection.apply.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the projection's statements over JDBC, where each {@code ?n} becomes a positional {@code ?}. */
public final class JdbcStatements {

    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");

    private JdbcStatements() {
    }

    public static PreparedStatement prepare(Connection c, String prefix, SqlStatement statement) throws SQLException {
        Matcher m = PARAMETER.matcher(statement.sql());
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(statement.parameters().get(Integer.parseInt(m.group(1)) - 1));
        }
        PreparedStatement ps = c.prepareStatement(prefix + PARAMETER.matcher(statement.sql()).replaceAll("?"));
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
        return ps;
    }

    public static void execute(Connection c, SqlStatement statement) throws SQLException {
        try (PreparedStatement ps = prepare(c, "", statement)) {
            ps.execute();
        }
    }
}
