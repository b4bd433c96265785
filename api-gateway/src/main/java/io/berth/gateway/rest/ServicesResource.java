package io.berth.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cluster's services as REST resources; bodies are the ECS shapes. */
@Path("/v1/clusters/{cluster}/services")
@Tag(name = "Services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServicesResource {

    private final NativeApi api;

    public ServicesResource(NativeApi api) {
        this.api = api;
    }

    @GET
    @Operation(summary = "List the ARNs of the cluster's ACTIVE services (ListServices)")
    public Uni<Response> list(@HeaderParam("Authorization") String auth, @PathParam("cluster") String cluster,
            @QueryParam("nextToken") String nextToken, @QueryParam("maxResults") Integer maxResults) {
        ObjectNode request = NativeApi.page(nextToken, maxResults);
        request.put("cluster", cluster);
        return api.call(auth, "ListServices", request);
    }

    @POST
    @Operation(summary = "Create a service in the cluster (CreateService)")
    public Uni<Response> create(@HeaderParam("Authorization") String auth, @PathParam("cluster") String cluster,
            JsonNode body) {
        ObjectNode request = NativeApi.request(body);
        request.put("cluster", cluster);
        return api.call(auth, "CreateService", request, r -> r.path("service"));
    }

    @GET
    @Path("/{service}")
    @Operation(summary = "Describe one service with its deployments, events and tags")
    public Uni<Response> get(@HeaderParam("Authorization") String auth, @PathParam("cluster") String cluster,
            @PathParam("service") String service) {
        ObjectNode request = NativeApi.request();
        request.put("cluster", cluster);
        request.putArray("services").add(service);
        request.putArray("include").add("TAGS");
        return api.call(auth, "DescribeServices", request, r -> NativeApi.first(r, "services"));
    }

    @PATCH
    @Path("/{service}")
    @Operation(summary = "Update a service (UpdateService)")
    public Uni<Response> update(@HeaderParam("Authorization") String auth, @PathParam("cluster") String cluster,
            @PathParam("service") String service, JsonNode body) {
        ObjectNode request = NativeApi.request(body);
        request.put("cluster", cluster);
        request.put("service", service);
        return api.call(auth, "UpdateService", request, r -> r.path("service"));
    }

    @DELETE
    @Path("/{service}")
    @Operation(summary = "Delete a service (DeleteService); force=true also when it is scaled above 0")
    public Uni<Response> delete(@HeaderParam("Authorization") String auth, @PathParam("cluster") String cluster,
            @PathParam("service") String service, @QueryParam("force") boolean force) {
        ObjectNode request = NativeApi.request();
        request.put("cluster", cluster);
        request.put("service", service);
        request.put("force", force);
        return api.call(auth, "DeleteService", request, r -> r.path("service"));
    }
}
