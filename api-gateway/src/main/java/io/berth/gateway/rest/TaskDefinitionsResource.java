package io.berth.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Task definitions as REST resources; bodies are the ECS shapes. */
@Path("/v1")
@Tag(name = "Task definitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskDefinitionsResource {

    private final NativeApi api;

    public TaskDefinitionsResource(NativeApi api) {
        this.api = api;
    }

    @GET
    @Path("/task-definitions")
    @Operation(summary = "List task definition ARNs (ListTaskDefinitions)")
    public Uni<Response> list(@HeaderParam("Authorization") String auth, @QueryParam("familyPrefix") String prefix,
            @QueryParam("status") String status, @QueryParam("sort") String sort,
            @QueryParam("nextToken") String nextToken, @QueryParam("maxResults") Integer maxResults) {
        ObjectNode request = NativeApi.page(nextToken, maxResults);
        request.put("familyPrefix", prefix);
        request.put("status", status);
        request.put("sort", sort);
        return api.call(auth, "ListTaskDefinitions", request);
    }

    @POST
    @Path("/task-definitions")
    @Operation(summary = "Register a task definition revision (RegisterTaskDefinition)")
    public Uni<Response> register(@HeaderParam("Authorization") String auth, JsonNode body) {
        return api.call(auth, "RegisterTaskDefinition", NativeApi.request(body));
    }

    @GET
    @Path("/task-definitions/{taskDefinition}")
    @Operation(summary = "Describe a revision: family (latest ACTIVE), family:revision or ARN")
    public Uni<Response> get(@HeaderParam("Authorization") String auth,
            @PathParam("taskDefinition") String taskDefinition) {
        ObjectNode request = NativeApi.request();
        request.put("taskDefinition", taskDefinition);
        request.putArray("include").add("TAGS");
        return api.call(auth, "DescribeTaskDefinition", request);
    }

    @DELETE
    @Path("/task-definitions/{taskDefinition}")
    @Operation(summary = "Deregister a revision (DeregisterTaskDefinition); it becomes INACTIVE")
    public Uni<Response> deregister(@HeaderParam("Authorization") String auth,
            @PathParam("taskDefinition") String taskDefinition) {
        ObjectNode request = NativeApi.request();
        request.put("taskDefinition", taskDefinition);
        return api.call(auth, "DeregisterTaskDefinition", request, r -> r.path("taskDefinition"));
    }

    @GET
    @Path("/task-definition-families")
    @Operation(summary = "List task definition families (ListTaskDefinitionFamilies)")
    public Uni<Response> families(@HeaderParam("Authorization") String auth, @QueryParam("familyPrefix") String prefix,
            @QueryParam("status") String status, @QueryParam("nextToken") String nextToken,
            @QueryParam("maxResults") Integer maxResults) {
        ObjectNode request = NativeApi.page(nextToken, maxResults);
        request.put("familyPrefix", prefix);
        request.put("status", status);
        return api.call(auth, "ListTaskDefinitionFamilies", request);
    }
}
