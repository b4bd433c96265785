package io.berth.infra.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The process behind {@code infra/berth replay}: creates a fresh database next to the live one,
 * runs the projection-service in replay mode into it (every view rebuilt from offset 0, with the
 * rate printed) and has it compare every table with the live database.
 *
 * <p>Arguments: {@code --root DIR --kafka host:port --postgres host:port}. Exits with the
 * projection's code: 0 equal, 3 tables differ, 2 the database was not fresh.
 */
public final class BerthReplay {

    private BerthReplay() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, SQLException {
        Path root = Path.of(".");
        String kafka = null;
        String postgres = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[i + 1]);
                case "--kafka" -> kafka = args[i + 1];
                case "--postgres" -> postgres = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (kafka == null || postgres == null) {
            throw new IllegalArgumentException("--kafka and --postgres are required");
        }
        String database = "berth_replay_" + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + postgres + "/postgres",
                EmbeddedPostgresServer.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        System.out.println("replaying berth.events into the fresh database " + database);
        Process replay = replayProcess(root, kafka, postgres, database,
                "jdbc:postgresql://" + postgres + "/" + BerthStack.DATABASE).inheritIO().start();
        System.exit(replay.waitFor());
    }

    /**
     * The projection-service in replay mode: every view rebuilt from offset 0 of berth.events into
     * the fresh {@code database}, the rate printed, then compared with {@code compareWithJdbcUrl}
     * if it is not null.
     */
    public static ProcessBuilder replayProcess(Path root, String kafka, String postgres, String database,
            String compareWithJdbcUrl) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dberth.projection.mode=replay",
                "-Dberth.kafka.bootstrap-servers=" + kafka,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + postgres + "/" + database,
                "-Dquarkus.datasource.reactive.url=postgresql://" + postgres + "/" + database,
                "-Dquarkus.http.port=0",
                "-Dquarkus.log.level=WARN"));
        if (compareWithJdbcUrl != null) {
            command.add("-Dberth.projection.replay-compare-with=" + compareWithJdbcUrl);
        }
        command.addAll(List.of("-jar", root.resolve("projection-service/target/quarkus-app/quarkus-run.jar").toString()));
        return new ProcessBuilder(command);
    }
}
