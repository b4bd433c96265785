package io.berth.e2e.support;

import io.berth.infra.local.BerthStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * One running Berth system — real Kafka, real PostgreSQL, every service as its own process — shared
 * by all end-to-end test classes of the run and stopped when the run ends. When a Docker engine
 * answers, two agents join the default cluster (the multi-host topology on one machine), with a
 * short agent timeout so the disconnection tests do not wait half a minute.
 */
public final class BerthSystem implements BeforeAllCallback {

    /** The access key of the tests' own clients (local mode: the default account). */
    public static final String E2E_ACCESS_KEY = "AKIAE2ETESTS00000001";
    /** An access key the gateway maps to a second account, to check isolation. */
    public static final String OTHER_ACCOUNT_KEY = "AKIAOTHERACCOUNT0001";
    public static final String OTHER_ACCOUNT = "222233334444";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    /** Two agents on this machine's Docker engine: two container instances of the default cluster. */
    public static final int AGENTS = 2;

    /**
     * How long stopped tasks stay describable in this system: short, so the expiry can be seen,
     * long enough that no test describes its own stopped task after it.
     */
    public static final Duration STOPPED_TASK_RETENTION = Duration.ofSeconds(40);

    private static BerthStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (BerthSystem.class) {
            if (stack == null) {
                boolean docker = DockerEngine.available();
                if (docker) {
                    DockerEngine.buildImage();
                }
                stack = BerthStack.start(BerthStack.Options.local(root(), tempDir("berth-e2e"))
                        .withProperties(BerthStack.API_GATEWAY,
                                Map.of("berth.gateway.access-keys." + OTHER_ACCOUNT_KEY, OTHER_ACCOUNT))
                        .withAgents(docker ? AGENTS : 0)
                        .withProperties(BerthStack.SCHEDULER, Map.of("berth.scheduler.agent-timeout", "6s",
                                "berth.scheduler.tick", "1s",
                                "berth.scheduler.stopped-task-retention", STOPPED_TASK_RETENTION.toSeconds() + "s"))
                        .withProperties(BerthStack.AGENT, Map.of("berth.agent.ecr-registry", LocalRegistry.ADDRESS)));
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put("berth-system", (AutoCloseable) () -> {
                            stack.close();
                            stack = null;
                        });
            }
        }
    }

    public static BerthStack stack() {
        return stack;
    }

    public static EcsClient ecs() {
        return ecs(E2E_ACCESS_KEY, Region.US_EAST_1);
    }

    public static EcsClient ecs(String accessKey, Region region) {
        return EcsClient.builder()
                .endpointOverride(URI.create(stack.endpoint()))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(60)).build())
                .build();
    }

    /** A CloudWatch Logs client on the same endpoint: Berth answers the Logs API for task output. */
    public static CloudWatchLogsClient logs() {
        return CloudWatchLogsClient.builder()
                .endpointOverride(URI.create(stack.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(E2E_ACCESS_KEY,
                        "secret")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .build();
    }

    static Path root() {
        String root = System.getProperty("berth.root");
        if (root == null) {
            throw new IllegalStateException("berth.root is not set: run the end-to-end tests through Maven");
        }
        return Path.of(root);
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
