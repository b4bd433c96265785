package io.berth.infra.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.berth.log.TopicLayout;
import java.util.Arrays;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka (KRaft broker and controller in one) running inside this JVM. The data
 * directory keeps the log: starting again on a directory that already holds formatted storage
 * reuses it, so records survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a free port. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, FreePorts.pick());
    }

    /** Starts a broker whose client listener is {@code 127.0.0.1:port}; the controller takes a free port. */
    public static EmbeddedKafka start(Path dataDir, int port) {
        Path logDir = dataDir.resolve("log");
        Properties props = serverProperties(logDir, port, FreePorts.pick());
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(dataDir, props);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        String bootstrap = "127.0.0.1:" + port;
        try {
            server.startup();
            awaitReady(bootstrap);
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new EmbeddedKafka(server, bootstrap);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates the named topics that do not exist yet, with one replica each. */
    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        try (Admin admin = admin()) {
            admin.createTopics(topics).values().values().forEach(EmbeddedKafka::awaitCreated);
        }
    }

    /** Creates Berth's topic layout ({@link TopicLayout#ensure}), as the command-service does at start. */
    public void createBerthTopics(int partitions) {
        try (Admin admin = admin()) {
            TopicLayout.ensure(admin, partitions, (short) 1);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Berth's topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Berth's topics", e);
        }
    }

    private static void awaitCreated(KafkaFuture<Void> creation) {
        try {
            creation.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create a topic", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating a topic", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating a topic", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica, or transactions and groups never start.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the defaults (50 each) make the first group and the first
        // transaction start in a fraction of the time on a small machine.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with the layout of TopicLayout: an auto-created topic would
        // get one partition and silently break the commands/events pairing.
        p.put("auto.create.topics.enable", "false");
        // The cleaner's default 128 MiB dedupe buffer is sized for production brokers.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        return p;
    }

    private static void format(Path dataDir, Properties props) {
        Path config = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "written by EmbeddedKafka for storage formatting");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            StorageTool$.MODULE$.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()}, print);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
    }

    /** Waits until the broker answers a metadata request, which it does only once it is unfenced. */
    private static void awaitReady(String bootstrap) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not answering yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within " + READY_TIMEOUT);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka at " + bootstrap, e);
        }
    }
}
