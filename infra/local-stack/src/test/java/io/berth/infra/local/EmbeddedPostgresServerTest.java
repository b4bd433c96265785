package io.berth.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void databasesAndRowsSurviveARestart() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir)) {
            postgres.createDatabase("berth_test");
            postgres.createDatabase("berth_test");
            assertThat(postgres.jdbcUrl("berth_test")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port()
                    + "/berth_test");
            assertThat(postgres.reactiveUrl("berth_test")).isEqualTo("postgresql://127.0.0.1:" + postgres.port()
                    + "/berth_test");
            try (Connection c = postgres.connect("berth_test"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int PRIMARY KEY, name text)");
                s.execute("INSERT INTO kept VALUES (1, 'one')");
            }
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDir)) {
            try (Connection c = restarted.connect("berth_test"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM kept WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("one");
            }

            restarted.dropDatabase("berth_test");
            restarted.dropDatabase("berth_test");
            assertThatThrownBy(() -> restarted.connect("berth_test").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void namesThatWouldNeedQuotingAreRefused() {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> postgres.createDatabase("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
