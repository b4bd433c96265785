package io.berth.e2e.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.berth.infra.local.DockerProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's Docker engine, for the tests that run real containers. With
 * {@code BERTH_REQUIRE_DOCKER=1} (set by .ci/run) a missing engine fails those tests; without it,
 * on a developer machine without Docker, they are skipped — never counted as passed.
 */
public final class DockerEngine {

    /** The image the tests run: FROM scratch with a static busybox, built here (nothing can be pulled). */
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

    /** Builds the test image once per engine. */
    public static synchronized void buildImage() {
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isRegularFile(busybox)) {
            throw new AssertionError("the test image needs a static busybox at /bin/busybox (Debian: busybox-static)");
        }
        try {
            Path context = Files.createTempDirectory("berth-e2e-image");
            Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n"
                    + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n");
            Files.copy(busybox, context.resolve("busybox"));
            client().buildImageCmd(context.toFile()).withTags(Set.of(IMAGE)).exec(new BuildImageResultCallback())
                    .awaitImageId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
