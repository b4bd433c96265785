package io.berth.projection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The projection's settings ({@code berth.projection.*}). */
@ConfigMapping(prefix = "berth.projection")
public interface ProjectionConfig {

    /** {@code serve}: follow berth.events and answer queries; {@code replay}: rebuild the views and exit. */
    @WithDefault("serve")
    Mode mode();

    /**
     * The consumer group that shares berth.events' partitions among serving instances; berth.logs
     * is shared in this group with {@code -logs} appended.
     */
    @WithDefault("berth-projection")
    String groupId();

    /** How long a query waits for the positions named in {@code X-Berth-Min-Position}. */
    @WithDefault("5s")
    Duration readWait();

    /** The most records applied in one database transaction. */
    @WithDefault("5000")
    int maxPollRecords();

    /** How many threads (and database connections) write a replay's batches side by side. */
    @WithDefault("2")
    int replayWriters();

    /** How long a poll waits for records when the log is quiet. */
    @WithDefault("200ms")
    Duration pollTimeout();

    /**
     * In replay mode: a JDBC URL of another database built from the same log (the live one); after
     * replaying, every table's checksum is compared with it.
     */
    Optional<String> replayCompareWith();

    enum Mode {
        SERVE, REPLAY
    }
}
