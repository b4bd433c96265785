package io.berth.projection;

import io.berth.projection.config.ProjectionConfig;
import io.berth.projection.replay.NotAFreshDatabaseException;
import io.berth.projection.replay.Replay;
import io.berth.projection.replay.TableChecksums;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves (follows the log and answers queries until stopped) or, with
 * {@code berth.projection.mode=replay}, rebuilds the views into a fresh database, prints one
 * line with the rate, compares the tables with another database if asked
 * ({@code berth.projection.replay-compare-with}), and exits.
 */
@QuarkusMain
public class ProjectionMain implements QuarkusApplication {

    @Inject
    ProjectionConfig config;

    @Inject
    Replay replay;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Override
    public int run(String... args) {
        if (config.mode() == ProjectionConfig.Mode.REPLAY) {
            try {
                System.out.println(replay.run().line());
            } catch (NotAFreshDatabaseException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            return config.replayCompareWith().map(this::compare).orElse(0);
        }
        Quarkus.waitForExit();
        return 0;
    }

    /** Compares every table of the replayed database with another one; 0 if all are equal, 3 if not. */
    private int compare(String otherJdbcUrl) {
        Map<String, String> replayed = TableChecksums.compute(jdbcUrl, user, password.orElse(""));
        Map<String, String> other = TableChecksums.compute(otherJdbcUrl, user, password.orElse(""));
        boolean equal = true;
        for (Map.Entry<String, String> table : replayed.entrySet()) {
            boolean same = table.getValue().equals(other.get(table.getKey()));
            equal &= same;
            System.out.printf("  %-20s %s %s%n", table.getKey(), same ? "equal" : "DIFFERS", table.getValue());
        }
        System.out.println(equal ? "every table equals " + otherJdbcUrl
                : "tables differ from " + otherJdbcUrl + " (did the log grow during the replay?)");
        return equal ? 0 : 3;
    }
}
