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

/** Clusters as REST resources; bodies are the ECS shapes. */
@Path("/v1/clusters")
@Tag(name = "Clusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClustersResource {

    private final NativeApi api;

    public ClustersResource(NativeApi api) {
        this.api = api;
    }

    @GET
    @Operation(summary = "List the ARNs of the ACTIVE clusters (ListClusters)")
    public Uni<Response> list(@HeaderParam("Authorization") String auth, @QueryParam("nextToken") String nextToken,
            @QueryParam("maxResults") Integer maxResults) {
        ObjectNode request = NativeApi.page(nextToken, maxResults);
        return api.call(auth, "ListClusters", request);
    }

    @POST
    @Operation(summary = "Create a cluster (CreateCluster); the body is a CreateCluster request")
    public Uni<Response> create(@HeaderParam("Authorization") String auth, JsonNode body) {
        return api.call(auth, "CreateCluster", NativeApi.request(body), r -> r.path("cluster"));
    }

    @GET
    @Path("/{cluster}")
    @Operation(summary = "Describe one cluster with its settings, configurations, statistics and tags")
    public Uni<Response> get(@HeaderParam("Authorization") String auth, @PathParam("cluster") String cluster) {
        ObjectNode request = NativeApi.request();
        request.putArray("clusters").add(cluster);
        request.putArray("include").add("ATTACHMENTS").add("CONFIGURATIONS").add("SETTINGS").add("STATISTICS")
                .add("TAGS");
        return api.call(auth, "DescribeClusters", request, r -> NativeApi.first(r, "clusters"));
    }

    @PATCH
    @Path("/{cluster}")
    @Operation(summary = "Update a cluster's settings and configuration (UpdateCluster)")
    public Uni<Response> update(@HeaderParam("Authorization") String auth, @PathParam("cluster") String cluster,
            JsonNode body) {
        ObjectNode request = NativeApi.request(body);
        request.put("cluster", cluster);
        return api.call(auth, "UpdateCluster", request, r -> r.path("cluster"));
    }

    @DELETE
    @Path("/{cluster}")
    @Operation(summary = "Delete a cluster (DeleteCluster); refused while services remain")
    public Uni<Response> delete(@HeaderParam("Authorization") String auth, @PathParam("cluster") String cluster) {
        ObjectNode request = NativeApi.request();
        request.put("cluster", cluster);
        return api.call(auth, "DeleteCluster", request, r -> r.path("cluster"));
    }
}
