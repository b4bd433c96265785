package io.berth.command.writer;

import io.berth.core.arn.Boundary;
import io.berth.core.command.Command;
import io.berth.core.command.CommandEnvelope;
import io.berth.core.command.LogPosition;
import io.berth.core.decide.BoundaryState;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.RandomIdSource;
import io.berth.core.decide.TaskDefinitionLookup;
import io.berth.core.error.EcsError;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.Event;
import io.berth.core.event.EventEnvelope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;
import io.berth.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Decides one command record against its partition's state and applies the resulting events to
 * that state: the pure core of the write path, with Kafka left to {@link CommandLoop}.
 */
final class CommandProcessor {

    private static final Logger LOG = Logger.getLogger(CommandProcessor.class);

    /**
     * The most bytes one command may append in one record (an event, plus the result header on the
     * last one), safely under Kafka's default 1 MB record limit: a command that cannot be recorded
     * must be refused, not retried forever.
     */
    static final int MAX_RECORD_BYTES = 900_000;

    private final Clock clock;
    private final TaskDefinitionLookup taskDefinitions;
    private final int partitionCount;

    CommandProcessor(Clock clock, TaskDefinitionLookup taskDefinitions, int partitionCount) {
        this.clock = clock;
        this.taskDefinitions = taskDefinitions;
        this.partitionCount = partitionCount;
    }

    /** The partition Kafka's default (murmur2) partitioner gives a key: where its boundary lives. */
    static int partitionOf(String key, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    /** The command envelope in a record, or null when it is not even JSON with a command id. */
    static CommandEnvelope parse(byte[] value) {
        try {
            CommandEnvelope envelope = Json.read(value, CommandEnvelope.class);
            return envelope.commandId() == null || envelope.commandId().isBlank() ? null : envelope;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Decides one command. Nothing a sender can put in a record makes this throw: a command that
     * cannot be decided is answered with an error, so no record can stop the partition.
     */
    Outcome process(String recordKey, int recordPartition, CommandEnvelope envelope, PartitionState partition) {
        String commandId = envelope.commandId();
        var recorded = partition.replies().find(commandId);
        if (recorded.isPresent()) {
            byte[] result = recorded.get().result();
            return new Outcome(commandId, List.of(), result == null ? null : Json.readTree(result), null,
                    recorded.get().position());
        }
        Command command;
        Boundary boundary;
        try {
            command = envelope.command();
            boundary = command.boundary(envelope.scope());
        } catch (EcsException e) {
            return Outcome.failure(commandId, e.toError());
        } catch (RuntimeException e) {
            return Outcome.failure(commandId, new EcsError(ErrorCode.INVALID_PARAMETER_EXCEPTION,
                    "Malformed command envelope: " + e.getMessage()));
        }
        // A command under another key, or on another partition than its key's, would be decided by
        // an owner that does not hold its boundary: refusing it keeps every boundary single-writer.
        if (recordKey == null || !boundary.key().equals(recordKey)) {
            return Outcome.failure(commandId, new EcsError(ErrorCode.INVALID_PARAMETER_EXCEPTION,
                    "Command key '" + recordKey + "' does not match its boundary '" + boundary.key() + "'."));
        }
        int expected = partitionOf(recordKey, partitionCount);
        if (expected != recordPartition) {
            return Outcome.failure(commandId, new EcsError(ErrorCode.INVALID_PARAMETER_EXCEPTION,
                    "Command key '" + recordKey + "' belongs on partition " + expected + " but arrived on "
                            + recordPartition + "; produce commands with Kafka's default (murmur2) partitioner."));
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BoundaryState state = partition.boundary(boundary);
        Decision decision;
        try {
            decision = state.decide(command, new DecisionContext(now, RandomIdSource.INSTANCE, taskDefinitions,
                    envelope.actor()));
        } catch (RuntimeException fault) {
            String correlation = UUID.randomUUID().toString();
            LOG.errorf(fault, "deciding %s %s failed (correlation id %s)", envelope.type(), commandId, correlation);
            return Outcome.failure(commandId, new EcsError(ErrorCode.SERVER_EXCEPTION,
                    "An internal error occurred. Correlation id: " + correlation));
        }
        if (!decision.isAccepted()) {
            return Outcome.failure(commandId, decision.error());
        }
        List<byte[]> events = new ArrayList<>(decision.events().size());
        for (Event event : decision.events()) {
            events.add(Json.toBytes(EventEnvelope.wrap(UUID.randomUUID().toString(), recordKey, envelope.account(),
                    envelope.region(), now, envelope.actor(), envelope.correlationId(), commandId, event)));
        }
        byte[] result = decision.response() == null ? null : Json.toBytes(decision.response());
        for (int i = 0; i < events.size(); i++) {
            int size = events.get(i).length + (i == events.size() - 1 && result != null ? result.length : 0);
            if (size > MAX_RECORD_BYTES) {
                return Outcome.failure(commandId, new EcsError(ErrorCode.INVALID_PARAMETER_EXCEPTION,
                        "The change is too large to record: " + size + " bytes, at most " + MAX_RECORD_BYTES + "."));
            }
        }
        for (Event event : decision.events()) {
            // Applying can only fail on a bug; the caller then discards the partition's state.
            state.apply(event);
        }
        if (!events.isEmpty()) {
            // Remembered at once, so a retry of this id later in the same batch appends nothing;
            // the position is filled in when the events have their offsets.
            partition.replies().record(commandId, new RecordedReply(result, null, now), now);
        }
        LogPosition known = partition.lastEventOffset() < 0 ? null
                : new LogPosition(partition.partition(), partition.lastEventOffset());
        return new Outcome(commandId, events, decision.response(), null, known);
    }
}
