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

    private final Clock clock;
    private final TaskDefinitionLookup taskDefinitions;

    CommandProcessor(Clock clock, TaskDefinitionLookup taskDefinitions) {
        this.clock = clock;
        this.taskDefinitions = taskDefinitions;
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

    Outcome process(String recordKey, CommandEnvelope envelope, PartitionState partition) {
        String commandId = envelope.commandId();
        var recorded = partition.replies().find(commandId);
        if (recorded.isPresent()) {
            return new Outcome(commandId, List.of(), recorded.get().result(), null, recorded.get().position());
        }
        Command command;
        Boundary boundary;
        try {
            command = envelope.command();
            boundary = command.boundary(envelope.scope());
        } catch (EcsException e) {
            return Outcome.failure(commandId, e.toError());
        } catch (IllegalArgumentException e) {
            return Outcome.failure(commandId, new EcsError(ErrorCode.INVALID_PARAMETER_EXCEPTION, e.getMessage()));
        }
        if (!boundary.key().equals(recordKey)) {
            // A command under another key would be decided by a partition that does not own its
            // boundary; refusing it keeps every boundary single-writer.
            return Outcome.failure(commandId, new EcsError(ErrorCode.INVALID_PARAMETER_EXCEPTION,
                    "Command key '" + recordKey + "' does not match its boundary '" + boundary.key() + "'."));
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
        List<EventEnvelope> events = new ArrayList<>(decision.events().size());
        for (Event event : decision.events()) {
            events.add(EventEnvelope.wrap(UUID.randomUUID().toString(), recordKey, envelope.account(),
                    envelope.region(), now, envelope.actor(), envelope.correlationId(), commandId, event));
            // Applying can only fail on a bug; the caller then discards the partition's state.
            state.apply(event);
        }
        if (!events.isEmpty()) {
            // Remembered at once, so a retry of this id later in the same batch appends nothing;
            // the position is filled in when the events have their offsets.
            partition.replies().record(commandId, new RecordedReply(decision.response(), null, now), now);
        }
        LogPosition known = partition.lastEventOffset() < 0 ? null
                : new LogPosition(partition.partition(), partition.lastEventOffset());
        return new Outcome(commandId, events, decision.response(), null, known);
    }
}
