package io.berth.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerResolverTest {

    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=%s/20261126/%s/%s/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=abcdef0123";

    private static CallerResolver resolver(boolean localMode) {
        GatewayConfig.Gateway gateway = new GatewayConfig.Gateway() {
            public boolean localMode() {
                return localMode;
            }

            public String defaultAccount() {
                return "000000000000";
            }

            public String defaultRegion() {
                return "us-east-1";
            }

            public Map<String, String> accessKeys() {
                return Map.of("AKIAKNOWN", "123456789012");
            }

            public String projectionUrl() {
                return "http://127.0.0.1:1";
            }

            public String schedulerUrl() {
                return "http://127.0.0.1:1";
            }

            public Duration commandTimeout() {
                return Duration.ofSeconds(1);
            }
        };
        return new CallerResolver(new GatewayConfig() {
            public Kafka kafka() {
                return null;
            }

            public Gateway gateway() {
                return gateway;
            }
        });
    }

    @Test
    void theRegionComesFromTheCredentialScopeAndTheAccountFromTheKeyMap() {
        Caller caller = resolver(false).resolve(SIGNED.formatted("AKIAKNOWN", "eu-west-3", "ecs"), "ecs");

        assertThat(caller.scope()).isEqualTo(new Scope("123456789012", "eu-west-3"));
        assertThat(caller.accessKeyId()).isEqualTo("AKIAKNOWN");
        assertThat(caller.actor()).isEqualTo("arn:aws:iam::123456789012:root");
    }

    @Test
    void localModeTakesAnyKeyAndUnsignedRequestsIntoTheDefaultAccount() {
        CallerResolver local = resolver(true);

        assertThat(local.resolve(SIGNED.formatted("AKIAANYTHING", "ap-south-1", "ecs"), "ecs").scope())
                .isEqualTo(new Scope("000000000000", "ap-south-1"));
        assertThat(local.resolve(null, "ecs").scope()).isEqualTo(new Scope("000000000000", "us-east-1"));
    }

    @Test
    void outsideLocalModeUnknownKeysAndUnsignedRequestsAreRefused() {
        CallerResolver strict = resolver(false);

        assertThatThrownBy(() -> strict.resolve(SIGNED.formatted("AKIAUNKNOWN", "us-east-1", "ecs"), "ecs"))
                .isInstanceOfSatisfying(EcsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNRECOGNIZED_CLIENT_EXCEPTION));
        assertThatThrownBy(() -> strict.resolve(null, "ecs")).isInstanceOf(EcsException.class);
    }

    @Test
    void aCredentialForAnotherServiceOrAGarbledHeaderIsRefused() {
        CallerResolver local = resolver(true);

        assertThatThrownBy(() -> local.resolve(SIGNED.formatted("AKIAKNOWN", "us-east-1", "s3"), "ecs"))
                .isInstanceOf(EcsException.class).hasMessageContaining("'ecs'");
        assertThatThrownBy(() -> local.resolve("Bearer abc", "ecs")).isInstanceOf(EcsException.class);
    }
}
