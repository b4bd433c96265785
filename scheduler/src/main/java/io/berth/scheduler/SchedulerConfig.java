package io.berth.scheduler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Typed configuration of the scheduler ({@code berth.*}). */
@ConfigMapping(prefix = "berth")
public interface SchedulerConfig {

    Kafka kafka();

    Scheduler scheduler();

    interface Scheduler {

        /** An instance whose agent sent no heartbeat for this long is marked disconnected. */
        @WithDefault("30s")
        Duration agentTimeout();

        /** STOPPED tasks stay describable this long, then they (and their containers) are cleaned up. */
        @WithDefault("1h")
        Duration stoppedTaskRetention();

        /** How often the fleet's timers (connectivity, expiry) are looked at. */
        @WithDefault("2s")
        Duration tick();

        /**
         * How often every service is planned again even if nothing changed: health ("40 s after
         * RUNNING"), grace periods and start back-off are matters of time.
         */
        @WithDefault("1s")
        Duration serviceTick();
    }

    interface Kafka {

        String bootstrapServers();

        /** Extra client properties (security, timeouts) passed to every Kafka client as they are. */
        Map<String, String> client();
    }
}
