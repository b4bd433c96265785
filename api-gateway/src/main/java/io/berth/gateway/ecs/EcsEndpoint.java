package io.berth.gateway.ecs;

import io.berth.gateway.logs.LogsDispatcher;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The AWS JSON 1.1 endpoint, {@code POST /} with the operation in {@code X-Amz-Target}: the ECS
 * API ({@code AmazonEC2ContainerServiceV20141113.<Op>}, ecs-semantics §1.1) and, for the output
 * of tasks' containers, CloudWatch Logs' read operations ({@code Logs_20140328.<Op>}).
 */
@Path("/")
public class EcsEndpoint {

    private final EcsDispatcher dispatcher;
    private final LogsDispatcher logs;

    public EcsEndpoint(EcsDispatcher dispatcher, LogsDispatcher logs) {
        this.dispatcher = dispatcher;
        this.logs = logs;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Amazon ECS API (JSON 1.1)",
            description = "Point the AWS CLI or an AWS SDK here with --endpoint-url.")
    public Uni<Response> call(@HeaderParam("X-Amz-Target") String target,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("amz-sdk-invocation-id") String invocationId, byte[] body) {
        Optional<String> logsOperation = LogsDispatcher.operation(target);
        Uni<EcsOutcome> outcome = logsOperation.isPresent()
                ? logs.dispatch(logsOperation.get(), authorization, body)
                : dispatcher.dispatch(target, authorization, invocationId, body);
        return outcome.map(EcsResponses::of);
    }
}
