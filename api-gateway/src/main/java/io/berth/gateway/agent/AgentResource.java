package io.berth.gateway.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.agent.Heartbeat;
import io.berth.core.agent.LogBatch;
import io.berth.core.arn.Arns;
import io.berth.core.arn.ParsedArn;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import io.berth.core.model.Task;
import io.berth.gateway.auth.Caller;
import io.berth.gateway.ecs.EcsDispatcher;
import io.berth.gateway.ecs.EcsResponses;
import io.berth.gateway.rest.NativeApi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agents' private channel (outbound HTTP from the agent only): registration and task state
 * reports become commands like any ECS call; assignments are long-polled; heartbeats and
 * container output go to their own topics.
 */
@Path("/agent/v1")
@Tag(name = "Agent channel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    /** How long a long-poll for assignments waits for a change before answering anyway. */
    static final Duration LONG_POLL = Duration.ofSeconds(20);

    private final NativeApi api;
    private final EcsDispatcher dispatcher;
    private final AssignmentFeed feed;
    private final AgentSignals signals;
    private final Clock clock = Clock.systemUTC();

    public AgentResource(NativeApi api, EcsDispatcher dispatcher, AssignmentFeed feed, AgentSignals signals) {
        this.api = api;
        this.dispatcher = dispatcher;
        this.feed = feed;
        this.signals = signals;
    }

    @POST
    @Path("/register")
    @Operation(summary = "Register (or re-register) this host as a container instance")
    public Uni<Response> register(@HeaderParam("Authorization") String auth, JsonNode body) {
        return ecs(auth, "RegisterContainerInstance", body);
    }

    @POST
    @Path("/task-state")
    @Operation(summary = "Report a task's and its containers' state (SubmitTaskStateChange)")
    public Uni<Response> taskState(@HeaderParam("Authorization") String auth, JsonNode body) {
        return ecs(auth, "SubmitTaskStateChange", body);
    }

    @POST
    @Path("/heartbeat")
    @Operation(summary = "The agent is alive")
    public Uni<Response> heartbeat(@HeaderParam("Authorization") String auth, JsonNode body) {
        Caller caller = api.caller(auth);
        String instance = owned(caller, body.path("containerInstanceArn").asText(null));
        Heartbeat heartbeat = new Heartbeat(caller.scope().account(), caller.scope().region(),
                body.path("cluster").asText(null), instance, clock.instant());
        return signals.heartbeat(instance, heartbeat).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/logs")
    @Operation(summary = "Container output, CloudWatch Logs PutLogEvents shape")
    public Uni<Response> logs(@HeaderParam("Authorization") String auth, JsonNode body) {
        Caller caller = api.caller(auth);
        String group = body.path("logGroupName").asText(null);
        String stream = body.path("logStreamName").asText(null);
        if (group == null || stream == null) {
            throw EcsException.invalidParameter("logGroupName and logStreamName are required.");
        }
        List<LogBatch.LogEvent> events = Json.MAPPER.convertValue(body.path("logEvents"),
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, LogBatch.LogEvent.class));
        LogBatch batch = new LogBatch(caller.scope().account(), caller.scope().region(), group, stream, events);
        return signals.logs(batch.key(), batch).map(done -> Response.noContent().build());
    }

    @GET
    @Path("/tasks")
    @Operation(summary = "The tasks this instance must run, with their task definitions (long-poll)",
            description = "Answers at once when the assignment has moved past `after`, else within 20 s.")
    public Uni<Response> tasks(@HeaderParam("Authorization") String auth,
            @QueryParam("containerInstance") String containerInstance, @QueryParam("after") Long after) {
        Caller caller = api.caller(auth);
        String instance = owned(caller, containerInstance);
        if (!feed.isReady()) {
            return Uni.createFrom().item(Response.status(503).build());
        }
        CompletableFuture<Void> change = feed.changedAfter(instance, after == null ? -1 : after);
        // The change completes on the thread that follows the log, inside the feed's lock: the
        // answer (the whole assignment, serialised) is built on a worker instead.
        return Uni.createFrom().completionStage(change)
                .ifNoItem().after(LONG_POLL).recoverWithItem((Void) null)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onTermination().invoke(() -> feed.forget(instance, change))
                .map(changed -> assignment(feed.current(instance)));
    }

    private static Response assignment(AssignmentFeed.Assignment assignment) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("generation", assignment.generation());
        ArrayNode tasks = body.putArray("tasks");
        for (Task task : assignment.tasks()) {
            ObjectNode item = tasks.addObject();
            item.set("task", Json.toTree(task));
            item.set("taskDefinition", Json.toTree(assignment.definitions().get(task.taskDefinitionArn())));
        }
        return Response.ok(Json.toBytes(body), MediaType.APPLICATION_JSON).build();
    }

    private Uni<Response> ecs(String auth, String operation, JsonNode body) {
        Caller caller = api.caller(auth);
        return dispatcher.execute(operation, caller, null, NativeApi.request(body))
                .map(EcsResponses::of);
    }

    /** The instance ARN, which must belong to the caller's account and region. */
    private static String owned(Caller caller, String instanceArn) {
        ParsedArn arn = Arns.parse(instanceArn).filter(a -> a.resourceType().equals("container-instance"))
                .orElseThrow(() -> EcsException.invalidParameter("containerInstanceArn must be a container "
                        + "instance ARN."));
        if (!arn.scope().equals(caller.scope())) {
            throw EcsException.invalidParameter("The container instance belongs to another account or region.");
        }
        return instanceArn;
    }
}
