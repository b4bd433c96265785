package io.berth.scheduler;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** Typed configuration of the scheduler ({@code berth.*}). */
@ConfigMapping(prefix = "berth")
public interface SchedulerConfig {

    Kafka kafka();

    interface Kafka {

        String bootstrapServers();

        /** Extra client properties (security, timeouts) passed to every Kafka client as they are. */
        Map<String, String> client();
    }
}
