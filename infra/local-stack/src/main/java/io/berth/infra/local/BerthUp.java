package io.berth.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The process behind {@code infra/berth up}: starts the whole local system ({@link BerthStack}),
 * writes a state file that {@code berth status} and {@code berth down} read, and stops
 * everything it started when it is terminated.
 *
 * <p>Arguments: {@code --root DIR --data DIR [--port N] [--kafka host:port] [--postgres host:port]}.
 */
public final class BerthUp {

    private BerthUp() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(".");
        Path data = Path.of(".berth");
        int port = 9400;
        String kafka = null;
        String postgres = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--root" -> root = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--port" -> port = Integer.parseInt(value);
                case "--kafka" -> kafka = value;
                case "--postgres" -> postgres = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long started = System.nanoTime();
        boolean docker = DockerProbe.reachable(DockerProbe.DEFAULT_SOCKET);
        if (!docker) {
            System.out.println("No Docker engine answers on " + DockerProbe.DEFAULT_SOCKET + ": starting without an "
                    + "agent, so tasks cannot run. Start one with infra/docker/ensure-engine and run infra/berth up again.");
        }
        BerthStack stack = BerthStack.start(BerthStack.Options.local(root.toAbsolutePath(), data.toAbsolutePath())
                .withEcsPort(port).withExternal(kafka, postgres).withAgents(docker ? 1 : 0));
        stack.supervise();
        Path state = data.resolve("berth.state");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            deleteQuietly(state);
            stopped.countDown();
        }, "berth-down"));
        writeState(state, stack, Duration.ofNanos(System.nanoTime() - started));
        System.out.println("Berth is ready: ECS endpoint " + stack.endpoint());
        stopped.await();
    }

    private static void writeState(Path state, BerthStack stack, Duration startup) {
        List<String> lines = new ArrayList<>();
        lines.add("endpoint=" + stack.endpoint());
        lines.add("supervisor.pid=" + ProcessHandle.current().pid());
        lines.add("kafka=" + stack.kafkaBootstrapServers());
        lines.add("postgres=" + stack.postgresHostPort() + "/" + BerthStack.DATABASE);
        lines.add("startup.millis=" + startup.toMillis());
        for (ServiceProcess service : stack.services()) {
            lines.add(service.name() + ".pid=" + service.pid());
            lines.add(service.name() + ".port=" + service.httpPort());
            lines.add(service.name() + ".log=" + service.logFile());
        }
        try {
            Files.write(state, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the state file only describes a running system; a stale one is detected by its pid
        }
    }
}
