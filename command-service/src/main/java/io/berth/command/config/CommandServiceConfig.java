package io.berth.command.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Typed configuration of the command-service ({@code berth.*}). */
@ConfigMapping(prefix = "berth")
public interface CommandServiceConfig {

    Kafka kafka();

    CommandService commandService();

    interface Kafka {

        /** Bootstrap servers of the Kafka cluster that holds the log. */
        String bootstrapServers();

        /** Partitions of berth.commands and berth.events when this service creates them. */
        @WithDefault("8")
        int partitions();

        /** Replication factor of the topics when this service creates them. */
        @WithDefault("1")
        short replicationFactor();

        /** Extra client properties (security, timeouts) passed to every Kafka client as they are. */
        Map<String, String> client();
    }

    interface CommandService {

        /**
         * A stable, unique name for this instance (like a StatefulSet ordinal). It is the Kafka
         * transactional id, so a restarted instance aborts what its predecessor left open at once
         * instead of blocking readers until the transaction times out. Two instances with the same
         * id fence each other endlessly: the default is the host name where one is exported
         * ({@code HOSTNAME}, as in containers), else {@code local-0}.
         */
        @WithDefault("${HOSTNAME:local-0}")
        String instanceId();

        /** The most commands decided in one Kafka transaction. */
        @WithDefault("500")
        int maxBatch();

        /** How long a transaction may stay open before the broker aborts it. */
        @WithDefault("15s")
        Duration transactionTimeout();

        /** How long a command may wait for the task-definition catalog to catch up. */
        @WithDefault("10s")
        Duration catalogWait();

        /**
         * How long a command id is remembered for idempotent retries; keep it at least the
         * retention of berth.commands (24 h as created by this service).
         */
        @WithDefault("24h")
        Duration commandIdRetention();
    }
}
