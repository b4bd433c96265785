package io.berth.gateway.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.error.EcsError;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.gateway.auth.Caller;
import io.berth.gateway.auth.CallerResolver;
import io.berth.gateway.ecs.EcsOutcome;
import io.berth.gateway.read.ProjectionClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The CloudWatch Logs endpoint, for the output of tasks' containers: the AWS JSON 1.1 protocol with
 * {@code X-Amz-Target: Logs_20140328.<Operation>} (signing name {@code logs}). Reads are answered
 * by the projection-service; Berth writes logs itself, from its agents, so no write is served.
 */
@ApplicationScoped
public class LogsDispatcher {

    public static final String TARGET_PREFIX = "Logs_20140328.";
    private static final Set<String> READS = Set.of("GetLogEvents", "FilterLogEvents", "DescribeLogStreams");
    private static final Logger LOG = Logger.getLogger(LogsDispatcher.class);

    private final CallerResolver callers;
    private final ProjectionClient projection;

    public LogsDispatcher(CallerResolver callers, ProjectionClient projection) {
        this.callers = callers;
        this.projection = projection;
    }

    public static Optional<String> operation(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(target.substring(TARGET_PREFIX.length()));
    }

    public Uni<EcsOutcome> dispatch(String operation, String authorization, byte[] body) {
        try {
            if (!READS.contains(operation)) {
                throw new EcsException(ErrorCode.UNKNOWN_OPERATION_EXCEPTION, "Berth's logs endpoint serves "
                        + String.join(", ", READS) + "; " + operation + " is not one of them.");
            }
            Caller caller = callers.resolve(authorization, "logs");
            JsonNode request = body == null || body.length == 0 ? Json.MAPPER.createObjectNode() : Json.readTree(body);
            return projection.post("/internal/logs/" + operation, caller.scope().account(), caller.scope().region(),
                            null, Json.toBytes(request))
                    .map(answer -> answer.status() >= 500 ? fault(new IllegalStateException(
                            "projection-service answered " + answer.status() + ": "
                                    + new String(answer.body(), StandardCharsets.UTF_8)))
                            : answer.status() >= 400
                                    ? new EcsOutcome(answer.status(), answer.body(),
                                            Json.readTree(answer.body()).path("__type").asText("ServerException"))
                                    : EcsOutcome.ok(answer.body()))
                    .onFailure().recoverWithItem(LogsDispatcher::fault);
        } catch (EcsException rejected) {
            return Uni.createFrom().item(EcsOutcome.error(rejected.toError()));
        } catch (RuntimeException e) {
            return Uni.createFrom().item(EcsOutcome.error(new EcsError(ErrorCode.SERIALIZATION_EXCEPTION,
                    "The request body is not valid JSON.")));
        }
    }

    private static EcsOutcome fault(Throwable fault) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(fault, "internal fault (correlation id %s)", correlationId);
        return EcsOutcome.error(new EcsError(ErrorCode.SERVER_EXCEPTION,
                "An internal error occurred. Correlation id: " + correlationId));
    }
}
