package io.berth.gateway.ecs;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The ECS endpoint: the AWS JSON 1.1 protocol, {@code POST /} with the operation in
 * {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Op>} (ecs-semantics §1.1).
 */
@Path("/")
public class EcsEndpoint {

    private final EcsDispatcher dispatcher;

    public EcsEndpoint(EcsDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Amazon ECS API (JSON 1.1)",
            description = "Point the AWS CLI or an AWS SDK here with --endpoint-url.")
    public Uni<Response> call(@HeaderParam("X-Amz-Target") String target,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("amz-sdk-invocation-id") String invocationId, byte[] body) {
        return dispatcher.dispatch(target, authorization, invocationId, body).map(EcsResponses::of);
    }
}
