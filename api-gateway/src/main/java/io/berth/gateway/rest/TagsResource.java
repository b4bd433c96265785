package io.berth.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tags of any taggable resource, by ARN. */
@Path("/v1/tags")
@Tag(name = "Tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagsResource {

    private final NativeApi api;

    public TagsResource(NativeApi api) {
        this.api = api;
    }

    @GET
    @Operation(summary = "The tags of a resource (ListTagsForResource)")
    public Uni<Response> list(@HeaderParam("Authorization") String auth, @QueryParam("resourceArn") String arn) {
        ObjectNode request = NativeApi.request();
        request.put("resourceArn", arn);
        return api.call(auth, "ListTagsForResource", request);
    }

    @POST
    @Operation(summary = "Add or overwrite tags (TagResource); the body is {resourceArn, tags}")
    public Uni<Response> tag(@HeaderParam("Authorization") String auth, JsonNode body) {
        return api.call(auth, "TagResource", NativeApi.request(body));
    }

    @DELETE
    @Operation(summary = "Remove tags by key (UntagResource)")
    public Uni<Response> untag(@HeaderParam("Authorization") String auth, @QueryParam("resourceArn") String arn,
            @QueryParam("tagKeys") List<String> keys) {
        ObjectNode request = NativeApi.request();
        request.put("resourceArn", arn);
        ArrayNode tagKeys = request.putArray("tagKeys");
        keys.forEach(tagKeys::add);
        return api.call(auth, "UntagResource", request);
    }
}
