package io.berth.e2e.support;

import io.berth.infra.local.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's {@code docker-registry} on a free local port: the registry that stands in for Amazon
 * ECR. The agents are configured with its address when the system starts ({@link #ADDRESS}); a test
 * starts the registry itself and stops it when done. Docker trusts registries on 127.0.0.0/8
 * without TLS, so nothing else needs configuring.
 */
public final class LocalRegistry implements AutoCloseable {

    public static final int PORT = FreePorts.pick();
    public static final String ADDRESS = "127.0.0.1:" + PORT;

    private final Process process;
    private final Path storage;

    private LocalRegistry(Process process, Path storage) {
        this.process = process;
        this.storage = storage;
    }

    public static LocalRegistry start() {
        try {
            Path storage = Files.createTempDirectory("berth-registry");
            Path config = storage.resolve("config.yml");
            Files.writeString(config, """
                    version: 0.1
                    log:
                      level: warn
                    storage:
                      filesystem:
                        rootdirectory: %s
                    http:
                      addr: %s
                    """.formatted(storage.resolve("data"), ADDRESS));
            Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(storage.resolve("registry.log").toFile()).start();
            LocalRegistry registry = new LocalRegistry(process, storage);
            registry.awaitListening();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("docker-registry could not start (Debian: apt-get install docker-registry)",
                    e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new AssertionError("docker-registry did not listen on " + ADDRESS + "; log in " + storage);
                }
                Tasks.sleep(Duration.ofMillis(100));
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
