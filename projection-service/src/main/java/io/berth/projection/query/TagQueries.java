package io.berth.projection.query;

import io.berth.core.arn.Scope;
import io.berth.core.command.TaggableResource;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.model.Tag;
import io.berth.projection.view.ClusterView;
import io.berth.projection.view.ServiceView;
import io.berth.projection.view.TaskDefinitionView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** ListTagsForResource for clusters, services and task definitions. */
@ApplicationScoped
public class TagQueries {

    public record ListTagsForResourceRequest(String resourceArn) {
    }

    public record ListTagsForResourceResponse(List<Tag> tags) {
    }

    /**
     * The resource's tags. The ARN is checked as TagResource checks it (ECS ARN of this account
     * and region, long service form); a resource that does not exist gets its kind's not-found
     * error: ClusterNotFoundException, ServiceNotFoundException, or ResourceNotFoundException for
     * a task definition (ECS has no task-definition-specific one).
     */
    public Uni<ListTagsForResourceResponse> list(Scope scope, ListTagsForResourceRequest request) {
        if (request.resourceArn() == null || request.resourceArn().isEmpty()) {
            throw EcsException.invalidParameter("resourceArn is required.");
        }
        TaggableResource resource = TaggableResource.of(scope, request.resourceArn());
        String arn = request.resourceArn();
        Uni<Long> exists = switch (resource.kind()) {
            case TaggableResource.CLUSTER -> ClusterView.count("clusterArn", arn);
            case TaggableResource.SERVICE -> ServiceView.count("serviceArn", arn);
            default -> TaskDefinitionView.count("taskDefinitionArn", arn);
        };
        return exists.chain(count -> {
            if (count == 0) {
                return Uni.createFrom().failure(notFound(resource.kind()));
            }
            return ResourceTags.of(arn).map(ListTagsForResourceResponse::new);
        });
    }

    private static EcsException notFound(String kind) {
        return switch (kind) {
            case TaggableResource.CLUSTER -> EcsException.clusterNotFound();
            case TaggableResource.SERVICE -> EcsException.serviceNotFound();
            default -> new EcsException(ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION,
                    "The specified resource could not be found.");
        };
    }
}
