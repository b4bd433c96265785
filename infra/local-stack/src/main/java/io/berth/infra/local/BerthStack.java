package io.berth.infra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole Berth system on one machine: Kafka and PostgreSQL (embedded in this JVM, or external
 * ones given by address, as in a production-like deployment) and every Berth service as its own
 * process. Used by {@code infra/berth up} and by the end-to-end tests.
 */
public final class BerthStack implements AutoCloseable {

    public static final String COMMAND_SERVICE = "command-service";
    public static final String PROJECTION_SERVICE = "projection-service";
    public static final String API_GATEWAY = "api-gateway";
    public static final String SCHEDULER = "scheduler";
    /** Agents are named agent-1, agent-2, ...: one per simulated host, all on this machine's Docker engine. */
    public static final String AGENT = "agent";
    public static final String DATABASE = "berth";

    /**
     * @param root the repository root, where each service's {@code target/quarkus-app} is built
     * @param dataDir where the embedded Kafka and PostgreSQL keep their data and services their logs
     * @param ecsPort the port of the ECS endpoint (0 for a free one)
     * @param kafkaBootstrap an external Kafka, or null to run one embedded
     * @param postgresHostPort an external PostgreSQL as {@code host:port} (user postgres), or null to embed one
     * @param partitions partitions of berth.commands and berth.events when they are created
     * @param agents how many agents to start (each one a container instance of the {@code default}
     *     cluster, on this machine's Docker engine, in availability zones local-1a, local-1b, ...)
     * @param properties further configuration by service name ({@link #API_GATEWAY}, {@link #SCHEDULER},
     *     {@link #PROJECTION_SERVICE}, {@link #AGENT} for every agent), e.g. access keys or timeouts
     */
    public record Options(Path root, Path dataDir, int ecsPort, String kafkaBootstrap, String postgresHostPort,
            int partitions, int agents, Map<String, Map<String, String>> properties) {

        public static Options local(Path root, Path dataDir) {
            return new Options(root, dataDir, 0, null, null, 4, 0, Map.of());
        }

        public Options withEcsPort(int port) {
            return new Options(root, dataDir, port, kafkaBootstrap, postgresHostPort, partitions, agents, properties);
        }

        public Options withExternal(String kafka, String postgres) {
            return new Options(root, dataDir, ecsPort, kafka, postgres, partitions, agents, properties);
        }

        public Options withAgents(int count) {
            return new Options(root, dataDir, ecsPort, kafkaBootstrap, postgresHostPort, partitions, count,
                    properties);
        }

        /** Adds configuration of one service (or of every agent, for {@link #AGENT}). */
        public Options withProperties(String service, Map<String, String> extra) {
            Map<String, Map<String, String>> all = new LinkedHashMap<>(properties);
            Map<String, String> merged = new LinkedHashMap<>(all.getOrDefault(service, Map.of()));
            merged.putAll(extra);
            all.put(service, Map.copyOf(merged));
            return new Options(root, dataDir, ecsPort, kafkaBootstrap, postgresHostPort, partitions, agents,
                    Map.copyOf(all));
        }

        Map<String, String> propertiesOf(String service) {
            return properties.getOrDefault(service, Map.of());
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /**
     * The serial collector and small starting heaps: the local stack shares two cores and wants a
     * small footprint. A service out of memory exits (and is restarted when supervised) instead of
     * living on with a dead thread.
     */
    private static final List<String> SERVICE_JVM = List.of("-Xms32m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");
    /** The writer and the projection hold the most: every boundary's state, a day of command results. */
    private static final Map<String, String> MAX_HEAP = Map.of(COMMAND_SERVICE, "-Xmx768m",
            PROJECTION_SERVICE, "-Xmx384m");

    private final Options options;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private EmbeddedKafka kafka;
    private EmbeddedPostgresServer postgres;
    private String bootstrap;
    private String postgresHostPort;
    private int ecsPort;

    private BerthStack(Options options) {
        this.options = options;
    }

    /** Starts everything and returns once every service is ready. */
    public static BerthStack start(Options options) {
        BerthStack stack = new BerthStack(options);
        try {
            stack.startInfrastructure();
            stack.startServices();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        CompletableFuture<Void> database = CompletableFuture.runAsync(() -> {
            if (options.postgresHostPort() == null) {
                postgres = EmbeddedPostgresServer.start(options.dataDir().resolve("postgres"));
                postgres.createDatabase(DATABASE);
                postgresHostPort = "127.0.0.1:" + postgres.port();
            } else {
                postgresHostPort = options.postgresHostPort();
            }
        });
        if (options.kafkaBootstrap() == null) {
            kafka = EmbeddedKafka.start(options.dataDir().resolve("kafka"));
            bootstrap = kafka.bootstrapServers();
        } else {
            bootstrap = options.kafkaBootstrap();
        }
        database.join();
        ecsPort = options.ecsPort() == 0 ? FreePorts.pick() : options.ecsPort();
    }

    private void startServices() {
        services.put(COMMAND_SERVICE, service(COMMAND_SERVICE, FreePorts.pick(), Map.of(
                "berth.kafka.partitions", String.valueOf(options.partitions()))));
        // The command-service creates the topics; the others start once it has.
        services.get(COMMAND_SERVICE).launch().awaitReady(READY_TIMEOUT);
        int projectionPort = FreePorts.pick();
        services.put(PROJECTION_SERVICE, service(PROJECTION_SERVICE, projectionPort, Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + postgresHostPort + "/" + DATABASE,
                "quarkus.datasource.reactive.url", "postgresql://" + postgresHostPort + "/" + DATABASE,
                "quarkus.datasource.username", EmbeddedPostgresServer.USER)));
        int schedulerPort = FreePorts.pick();
        services.put(API_GATEWAY, service(API_GATEWAY, ecsPort, Map.of(
                "berth.gateway.projection-url", "http://127.0.0.1:" + projectionPort,
                "berth.gateway.scheduler-url", "http://127.0.0.1:" + schedulerPort)));
        services.put(SCHEDULER, service(SCHEDULER, schedulerPort, Map.of()));
        for (String name : List.of(PROJECTION_SERVICE, API_GATEWAY, SCHEDULER)) {
            services.get(name).launch();
        }
        for (String name : List.of(PROJECTION_SERVICE, API_GATEWAY, SCHEDULER)) {
            services.get(name).awaitReady(READY_TIMEOUT);
        }
        for (int i = 1; i <= options.agents(); i++) {
            String name = AGENT + "-" + i;
            services.put(name, agent(name, "local-1" + (char) ('a' + i - 1)));
            services.get(name).launch();
        }
        for (int i = 1; i <= options.agents(); i++) {
            services.get(AGENT + "-" + i).awaitReady(READY_TIMEOUT);
        }
    }

    /**
     * An agent: a container instance of the default cluster. Its name carries the stack's id, so
     * stacks sharing this machine's Docker engine never touch each other's containers.
     */
    private ServiceProcess agent(String name, String availabilityZone) {
        int port = FreePorts.pick();
        int hostCores = Runtime.getRuntime().availableProcessors();
        Map<String, String> properties = new LinkedHashMap<>(options.propertiesOf(AGENT));
        properties.put("berth.agent.endpoint", endpoint());
        properties.put("berth.agent.name", agentName(name));
        properties.put("berth.agent.availability-zone", availabilityZone);
        properties.put("berth.agent.state-dir", options.dataDir().resolve("agents").toString());
        properties.put("berth.agent.cpu", String.valueOf(hostCores * 1024));
        properties.put("quarkus.http.port", String.valueOf(port));
        Path jar = options.root().resolve("agent/target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(name, jar, properties, List.of("-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError"), port, options.dataDir().resolve("logs").resolve(name + ".log"));
    }

    /** A service with its stack wiring ({@code wiring}) over what the options add for it. */
    private ServiceProcess service(String name, int port, Map<String, String> wiring) {
        Map<String, String> properties = new LinkedHashMap<>(options.propertiesOf(name));
        properties.putAll(wiring);
        properties.put("berth.kafka.bootstrap-servers", bootstrap);
        properties.put("quarkus.http.port", String.valueOf(port));
        Path jar = options.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        List<String> jvm = new ArrayList<>(SERVICE_JVM);
        jvm.add(MAX_HEAP.getOrDefault(name, "-Xmx256m"));
        return new ServiceProcess(name, jar, properties, jvm, port,
                options.dataDir().resolve("logs").resolve(name + ".log"));
    }

    /** The Docker label value of an agent of this stack. */
    public String agentName(String agent) {
        return agent + "-" + Integer.toHexString(options.dataDir().toAbsolutePath().toString().hashCode());
    }

    /** The ECS endpoint, e.g. {@code http://127.0.0.1:9400}. */
    public String endpoint() {
        return "http://127.0.0.1:" + ecsPort;
    }

    public String kafkaBootstrapServers() {
        return bootstrap;
    }

    /** {@code host:port} of PostgreSQL; the projection's database is {@value #DATABASE}. */
    public String postgresHostPort() {
        return postgresHostPort;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    /**
     * Watches the services from now on and starts again any that exits without being asked to,
     * as an orchestrator would. Used by {@code berth up}, not by tests that kill services on purpose.
     */
    public void supervise() {
        Thread supervisor = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (ServiceProcess service : services.values()) {
                    if (service.exitedUnasked()) {
                        System.err.println(service.name() + " exited; starting it again (log: " + service.logFile()
                                + ")");
                        try {
                            service.launch().awaitReady(READY_TIMEOUT);
                        } catch (RuntimeException e) {
                            System.err.println(service.name() + " did not come back: " + e.getMessage());
                        }
                    }
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "berth-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** Starts a service again (after a kill or stop) and waits until it is ready. */
    public void restart(String name) {
        ServiceProcess old = services.get(name);
        old.stop(Duration.ofSeconds(20));
        services.get(name).launch().awaitReady(READY_TIMEOUT);
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        Collections.reverse(reversed);
        reversed.forEach(s -> s.stop(Duration.ofSeconds(20)));
        List<String> agents = services.keySet().stream().filter(n -> n.startsWith(AGENT + "-"))
                .map(this::agentName).toList();
        if (!agents.isEmpty()) {
            DockerCleanup.removeContainersOf(DockerProbe.DEFAULT_SOCKET, agents);
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
