package io.berth.command.writer;

import io.berth.command.catalog.TaskDefinitionCatalog;
import io.berth.command.config.CommandServiceConfig;
import io.berth.command.log.KafkaClients;
import io.berth.core.arn.Boundary;
import io.berth.core.command.ApplyServicePlan;
import io.berth.core.command.Command;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.CommandReply;
import io.berth.core.command.CreateService;
import io.berth.core.command.LogPosition;
import io.berth.core.command.RunTask;
import io.berth.core.command.StartTask;
import io.berth.core.command.UpdateService;
import io.berth.core.error.EcsError;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.log.ConsumerLoop;
import io.berth.log.TopicLayout;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The single writer. Consumes {@code berth.commands} as a member of the command-service group;
 * for each partition it is given, it rebuilds the partition's state from {@code berth.events}
 * and from then on is that partition's only writer. Each poll's commands are decided in order and,
 * in one Kafka transaction, their events are appended, their replies sent and the consumed
 * offsets committed: a command is applied exactly once or not at all.
 *
 * <p>Any failure of the transaction (a fenced producer after this instance lost its partitions, a
 * broker error) ends the session: its in-memory state is discarded and the next session rebuilds
 * from the log ({@link ConsumerLoop}). The log is the truth, memory only a cache of it.
 */
@ApplicationScoped
public class CommandLoop {

    private static final Logger LOG = Logger.getLogger(CommandLoop.class);

    private final KafkaClients clients;
    private final CommandServiceConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<Integer, PartitionState> partitions = new HashMap<>();
    private final ConsumerLoop loop = new ConsumerLoop("berth-command-loop", this::session);
    private Admin admin;
    private TaskDefinitionCatalog catalog;
    private int partitionCount;

    public CommandLoop(KafkaClients clients, CommandServiceConfig config) {
        this.clients = clients;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop();
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** True once the loop has joined its group and rebuilt whatever it was given. */
    public boolean isReady() {
        return loop.isReady();
    }

    /** Creates the topics if needed; once. */
    private void connect() throws InterruptedException, ExecutionException {
        Admin newAdmin = clients.admin();
        try {
            partitionCount = TopicLayout.ensure(newAdmin, config.kafka().partitions(),
                    config.kafka().replicationFactor());
            admin = newAdmin;
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            newAdmin.close(Duration.ofSeconds(1));
            throw e;
        }
    }

    /**
     * One session: fresh clients, a fresh task-definition catalog, the partitions it is given
     * rebuilt from the log. Whatever ends it — shutdown, a fenced producer, a failed transaction, a
     * stopped catalog — its in-memory state goes with it.
     */
    private void session(ConsumerLoop.Session session) throws Exception {
        if (admin == null) {
            connect();
        }
        PartitionRebuilder rebuilder = new PartitionRebuilder(clients, admin,
                config.commandService().commandIdRetention(), config.commandService().transactionTimeout().multipliedBy(2),
                clock);
        try (TaskDefinitionCatalog sessionCatalog = new TaskDefinitionCatalog(clients.eventReader(), partitionCount);
                KafkaProducer<String, byte[]> producer = clients.transactionalProducer();
                KafkaConsumer<String, byte[]> commands = clients.commandConsumer()) {
            catalog = sessionCatalog;
            catalog.start();
            CommandProcessor processor = new CommandProcessor(clock, catalog, partitionCount);
            // Fences any earlier incarnation with this transactional id and aborts what it left open.
            producer.initTransactions();
            session.consuming(commands);
            commands.subscribe(List.of(Topics.COMMANDS), new Rebuilding(rebuilder));
            while (session.running()) {
                ConsumerRecords<String, byte[]> records = commands.poll(Duration.ofMillis(200));
                if (catalog.failure().isPresent()) {
                    throw new IllegalStateException("the task-definition catalog stopped", catalog.failure().get());
                }
                session.ready();
                if (!records.isEmpty()) {
                    processBatch(records, producer, commands, processor);
                }
            }
        } finally {
            partitions.clear();
            catalog = null;
        }
    }

    private void processBatch(ConsumerRecords<String, byte[]> records, KafkaProducer<String, byte[]> producer,
            KafkaConsumer<String, byte[]> commands, CommandProcessor processor) throws InterruptedException {
        List<Parsed> parsed = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            parsed.add(new Parsed(record, CommandProcessor.parse(record.value())));
        }
        boolean catalogCurrent = awaitCatalog(parsed);

        producer.beginTransaction();
        try {
            List<Sent> sent = new ArrayList<>(parsed.size());
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (Parsed p : parsed) {
                ConsumerRecord<String, byte[]> record = p.record();
                offsets.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
                if (p.envelope() == null) {
                    LOG.warnf("dropping unreadable command at %s-%d@%d (no JSON envelope with a commandId)",
                            record.topic(), record.partition(), record.offset());
                    continue;
                }
                PartitionState partition = partitions.get(record.partition());
                if (partition == null) {
                    throw new IllegalStateException("received a command of partition " + record.partition()
                            + " which this instance does not own");
                }
                Outcome outcome;
                if (!catalogCurrent && accountPartition(p.envelope()).isPresent()) {
                    outcome = Outcome.failure(p.envelope().commandId(), new EcsError(ErrorCode.SERVER_EXCEPTION,
                            "Task definitions are not readable yet; retry the request."));
                } else {
                    outcome = processor.process(record.key(), record.partition(), p.envelope(), partition);
                }
                sent.add(new Sent(outcome, partition, send(producer, record.partition(), record.key(), outcome)));
            }
            producer.flush();
            Map<Integer, Long> lastWritten = new HashMap<>();
            for (Sent s : sent) {
                producer.send(new ProducerRecord<>(Topics.REPLIES, s.outcome().commandId(),
                        Json.toBytes(reply(s, lastWritten))));
            }
            producer.sendOffsetsToTransaction(offsets, commands.groupMetadata());
            producer.commitTransaction();
        } catch (RuntimeException | ExecutionException e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw new KafkaException("command batch not committed", e);
        }
    }

    private static List<Future<RecordMetadata>> send(KafkaProducer<String, byte[]> producer, int partition,
            String key, Outcome outcome) {
        List<Future<RecordMetadata>> futures = new ArrayList<>(outcome.events().size());
        for (int i = 0; i < outcome.events().size(); i++) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS, partition, key,
                    outcome.events().get(i));
            if (i == outcome.events().size() - 1 && outcome.result() != null) {
                record.headers().add(PartitionRebuilder.RESULT_HEADER, Json.toBytes(outcome.result()));
            }
            futures.add(producer.send(record));
        }
        return futures;
    }

    /** The reply of one command, with the log position a following read must reach. */
    private CommandReply reply(Sent s, Map<Integer, Long> lastWritten) throws InterruptedException, ExecutionException {
        Outcome outcome = s.outcome();
        int partition = s.partition().partition();
        if (outcome.error() != null) {
            return CommandReply.failure(outcome.commandId(), outcome.error());
        }
        for (Future<RecordMetadata> future : s.futures()) {
            long offset = future.get().offset();
            s.partition().eventWrittenAt(offset);
            lastWritten.merge(partition, offset, Math::max);
        }
        LogPosition position;
        if (!s.futures().isEmpty()) {
            position = new LogPosition(partition, lastWritten.get(partition));
            s.partition().replies().positioned(outcome.commandId(), position);
        } else if (lastWritten.containsKey(partition)) {
            position = new LogPosition(partition, lastWritten.get(partition));
        } else {
            position = outcome.knownPosition();
        }
        return CommandReply.success(outcome.commandId(), outcome.result(), position);
    }

    /**
     * The cross-boundary barrier: commands that read task definitions wait until the catalog has
     * read their account partition up to its high watermark. Not the last stable offset: a
     * transaction's commit is acknowledged (and its reply readable) before its markers reach every
     * partition, so a registration the client already saw acknowledged may still sit above the
     * account partition's last stable offset. Every record below the high watermark is committed
     * or aborted soon, and the read_committed catalog gets past it only then.
     */
    private boolean awaitCatalog(List<Parsed> parsed) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> needed = new HashMap<>();
        for (Parsed p : parsed) {
            accountPartition(p.envelope()).ifPresent(partition ->
                    needed.put(new TopicPartition(Topics.EVENTS, partition), OffsetSpec.latest()));
        }
        if (needed.isEmpty()) {
            return true;
        }
        try {
            Map<Integer, Long> targets = new HashMap<>();
            var result = admin.listOffsets(needed, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
            result.forEach((tp, info) -> targets.put(tp.partition(), info.offset()));
            catalog.awaitCaughtUp(targets, config.commandService().catalogWait());
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("task-definition catalog is behind; failing the commands that need it", e);
            return false;
        }
    }

    /**
     * The partition of the account boundary whose task definitions a command reads, if it reads
     * any: CreateService naming one, every UpdateService (it re-reads the current definition's
     * constraints and network mode), RunTask, StartTask, and a service plan that launches tasks.
     */
    private Optional<Integer> accountPartition(CommandEnvelope envelope) {
        if (envelope == null) {
            return Optional.empty();
        }
        try {
            Command command = envelope.command();
            boolean reads = command instanceof CreateService c ? c.taskDefinition() != null
                    : command instanceof ApplyServicePlan p ? !p.plan().launches().isEmpty()
                    : command instanceof UpdateService || command instanceof RunTask || command instanceof StartTask;
            if (!reads) {
                return Optional.empty();
            }
            return Optional.of(CommandProcessor.partitionOf(Boundary.account(envelope.scope()).key(), partitionCount));
        } catch (RuntimeException malformed) {
            // The processor answers it with an error; it reads nothing.
            return Optional.empty();
        }
    }

    private record Parsed(ConsumerRecord<String, byte[]> record, CommandEnvelope envelope) {
    }

    private record Sent(Outcome outcome, PartitionState partition, List<Future<RecordMetadata>> futures) {
    }

    /** Keeps the in-memory state in step with the partitions this instance owns. */
    private final class Rebuilding implements ConsumerRebalanceListener {

        private final PartitionRebuilder rebuilder;

        Rebuilding(PartitionRebuilder rebuilder) {
            this.rebuilder = rebuilder;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (assigned.isEmpty()) {
                return;
            }
            try {
                partitions.putAll(rebuilder.rebuild(assigned.stream().map(TopicPartition::partition).toList()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while rebuilding " + assigned, e);
            } catch (ExecutionException e) {
                throw new KafkaException("could not rebuild " + assigned, e);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            revoked.forEach(tp -> partitions.remove(tp.partition()));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            lost.forEach(tp -> partitions.remove(tp.partition()));
        }
    }
}
