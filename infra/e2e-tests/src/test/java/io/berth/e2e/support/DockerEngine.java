package io.berth.e2e.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.berth.infra.local.DockerProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's Docker engine, for the tests that run real containers. With
 * {@code BERTH_REQUIRE_DOCKER=1} (set by .ci/run) a missing engine fails those tests; without it,
 * on a developer machine without Docker, they are skipped — never counted as passed.
 */
public final class DockerEngine {

    /** The image the tests run: FROM scratch with a static busybox, built locally (nothing can be pulled). */
    public static final String IMAGE = "berth/busybox:e2e";

    private static DockerClient client;

    private DockerEngine() {
    }

    public static boolean available() {
        return DockerProbe.reachable(DockerProbe.DEFAULT_SOCKET);
    }

    /** Fails (under CI's switch) or skips the calling test when no Docker engine answers. */
    public static void require() {
        if ("1".equals(System.getenv("BERTH_REQUIRE_DOCKER"))) {
            if (!available()) {
                throw new AssertionError("BERTH_REQUIRE_DOCKER=1 but no Docker engine answers on "
                        + DockerProbe.DEFAULT_SOCKET);
            }
            return;
        }
        Assumptions.assumeTrue(available(), "no Docker engine on " + DockerProbe.DEFAULT_SOCKET);
    }

    public static synchronized DockerClient client() {
        if (client == null) {
            String host = "unix://" + DockerProbe.DEFAULT_SOCKET;
            client = DockerClientImpl.getInstance(DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(host).build(), new ZerodepDockerHttpClient.Builder()
                    .dockerHost(URI.create(host)).build());
        }
        return client;
    }

    /** Builds the test image with the project's own recipe (infra/docker/busybox-image). */
    public static synchronized void buildImage() {
        try {
            Process build = new ProcessBuilder(BerthSystem.root().resolve("infra/docker/busybox-image").toString(), IMAGE)
                    .redirectErrorStream(true).start();
            String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (build.waitFor() != 0) {
                throw new AssertionError("building " + IMAGE + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
