package io.berth.projection;

import io.berth.projection.config.ProjectionConfig;
import io.berth.projection.replay.NotAFreshDatabaseException;
import io.berth.projection.replay.Replay;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Serves (follows the log and answers queries until stopped) or, with
 * {@code berth.projection.mode=replay}, rebuilds the views into a fresh database, prints one
 * line with the rate and exits.
 */
@QuarkusMain
public class ProjectionMain implements QuarkusApplication {

    @Inject
    ProjectionConfig config;

    @Inject
    Replay replay;

    @Override
    public int run(String... args) {
        if (config.mode() == ProjectionConfig.Mode.REPLAY) {
            try {
                System.out.println(replay.run().line());
                return 0;
            } catch (NotAFreshDatabaseException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
        Quarkus.waitForExit();
        return 0;
    }
}
