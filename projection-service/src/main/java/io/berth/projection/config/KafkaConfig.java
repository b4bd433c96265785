package io.berth.projection.config;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** Where the log is ({@code berth.kafka.*}), as every Berth service is told. */
@ConfigMapping(prefix = "berth.kafka")
public interface KafkaConfig {

    String bootstrapServers();

    /** Extra client properties (security, timeouts) passed to the consumers as they are. */
    Map<String, String> client();
}
