package io.berth.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Typed configuration of the api-gateway ({@code berth.*}). */
@ConfigMapping(prefix = "berth")
public interface GatewayConfig {

    Kafka kafka();

    Gateway gateway();

    interface Kafka {

        String bootstrapServers();

        /** Extra client properties (security, timeouts) passed to every Kafka client as they are. */
        Map<String, String> client();
    }

    interface Gateway {

        /**
         * Local mode: any credentials are accepted and map to {@link #defaultAccount()}; the
         * development reset is allowed from loopback. Off in production-like deployments, where
         * only the access keys of {@link #accessKeys()} are known.
         */
        @WithDefault("true")
        boolean localMode();

        /** The account of callers in local mode whose access key is not in {@link #accessKeys()}. */
        @WithDefault("000000000000")
        String defaultAccount();

        /** The region when a request carries no SigV4 credential scope. */
        @WithDefault("us-east-1")
        String defaultRegion();

        /** Access key id to account id. */
        Map<String, String> accessKeys();

        /** Base URL of the projection-service's internal query API. */
        String projectionUrl();

        /** Base URL of the scheduler's internal API (the dry run of a service update). */
        String schedulerUrl();

        /** How long a write waits for the command-service's reply. */
        @WithDefault("10s")
        Duration commandTimeout();
    }
}
