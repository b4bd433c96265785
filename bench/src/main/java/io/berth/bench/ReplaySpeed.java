package io.berth.bench;

import io.berth.core.event.EventEnvelope;
import io.berth.infra.local.BerthReplay;
import io.berth.infra.local.EmbeddedKafka;
import io.berth.infra.local.EmbeddedPostgresServer;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.RealisticHistory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scenario 4, replay: a Kafka broker and a PostgreSQL of its own (no running stack needed), a log
 * of at least {@code --events} events written to berth.events — the realistic history the
 * projection's replay tests rebuild (accounts with clusters, revisions, services updated, scaled
 * and deleted, instances, tasks run, reported, stopped and expired, resets, a random tail),
 * repeated with new seeds — and then the projection-service in its replay run mode rebuilding
 * every view from offset 0 into a fresh database, in its own process as {@code infra/berth
 * replay} runs it. {@code replayEventsPerSecond} is the replay's own count over its own time;
 * the peak resident memory and the CPU of the replay and of PostgreSQL are sampled while it runs.
 *
 * <p>Arguments: {@code --root DIR [--events 1000000] [--partitions 6] [--json FILE]}.
 */
public final class ReplaySpeed {

    private static final Pattern LINE = Pattern.compile("replayed (\\d+) events in (\\d+) ms \\((\\d+) events/s\\)");
    private static final int ACCOUNTS_PER_HISTORY = 20;

    private ReplaySpeed() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path root = Path.of(Options.required(options, "root"));
        int wanted = Integer.parseInt(options.getOrDefault("events", "1000000"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "6"));
        Path data = Files.createTempDirectory("berth-bench-replay");
        BenchReport report = new BenchReport("replay");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"));
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres"))) {
            kafka.createBerthTopics(partitions);
            long writing = System.nanoTime();
            long written = write(kafka.bootstrapServers(), wanted);
            System.out.printf("replay: wrote %d events over %d partitions in %.1f s%n", written, partitions,
                    (System.nanoTime() - writing) / 1e9);

            String database = "berth_replay_bench";
            postgres.createDatabase(database);
            Process replay = BerthReplay.replayProcess(root, kafka.bootstrapServers(), "127.0.0.1:" + postgres.port(),
                    database, null).redirectErrorStream(true).start();
            Sampler sampler = new Sampler(new StackProcesses("replay=" + replay.pid() + ",bench=" + ProcessHandle.current().pid(),
                    Integer.toString(postgres.port())));
            sampler.start();
            Matcher result = null;
            try (BufferedReader output = new BufferedReader(new InputStreamReader(replay.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = output.readLine()) != null; ) {
                    System.out.println("  | " + line);
                    Matcher matcher = LINE.matcher(line);
                    if (matcher.find()) {
                        result = matcher;
                    }
                }
            }
            int exit = replay.waitFor();
            sampler.interrupt();
            sampler.join();
            if (exit != 0 || result == null) {
                throw new IllegalStateException("the replay exited with " + exit + " and printed no rate");
            }
            report.put("replayEventsPerSecond", Double.parseDouble(result.group(3)))
                    .put("events", Long.parseLong(result.group(1)))
                    .put("seconds", Latencies.round(Long.parseLong(result.group(2)) / 1000.0, 2))
                    .put("partitions", partitions)
                    .put("cpuSeconds", sampler.cpuSeconds)
                    .put("peakRssMiB", sampler.peakRssMiB);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        report.finish(options);
    }

    private static long write(String bootstrap, int wanted) {
        long written = 0;
        try (EventLog log = new EventLog(bootstrap)) {
            for (long seed = 1; written < wanted; seed++) {
                for (List<EventEnvelope> wave : RealisticHistory.waves(seed, ACCOUNTS_PER_HISTORY)) {
                    log.append(wave);
                    written += wave.size();
                }
            }
        }
        return written;
    }

    /** Samples the replay's and PostgreSQL's memory and CPU every 250 ms while the replay runs. */
    private static final class Sampler extends Thread {

        private final StackProcesses processes;
        private final Map<String, Double> before;
        final Map<String, Double> peakRssMiB = new ConcurrentHashMap<>();
        final Map<String, Double> cpuSeconds = new ConcurrentHashMap<>();

        Sampler(StackProcesses processes) {
            super("replay-sampler");
            this.processes = processes;
            this.before = processes.cpuSeconds();
            before.remove("replay"); // it started just now: all its CPU time is the replay's
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                processes.rssMiB().forEach((name, mib) -> peakRssMiB.merge(name, mib, Math::max));
                // the highest seen: PostgreSQL's backends take their CPU time with them when the replay
                // disconnects, and the replay's own is gone once it exits
                processes.cpuSecondsSince(before).forEach((name, seconds) -> cpuSeconds.merge(name, seconds, Math::max));
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
