package io.berth.core.command;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Boundary;
import io.berth.core.arn.ParsedArn;
import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;

/** The resource a tagging ARN names, and so the boundary that owns its tags. */
public record TaggableResource(String kind, Boundary boundary, String arn) {

    public static final String CLUSTER = "cluster";
    public static final String SERVICE = "service";
    public static final String TASK_DEFINITION = "task-definition";

    public static TaggableResource of(Scope scope, String resourceArn) {
        ParsedArn arn = Arns.parse(resourceArn)
                .filter(a -> a.service().equals("ecs"))
                .orElseThrow(() -> EcsException.invalidParameter("Invalid resource ARN: " + resourceArn));
        if (!arn.scope().equals(scope)) {
            throw EcsException.invalidParameter("The resource ARN " + resourceArn
                    + " does not belong to this account and region.");
        }
        String[] parts = arn.pathParts();
        return switch (arn.resourceType()) {
            case CLUSTER -> new TaggableResource(CLUSTER, Boundary.cluster(scope, arn.path()), resourceArn);
            case SERVICE -> {
                if (parts.length != 2) {
                    throw EcsException.invalidParameter("Long arn format must be used for tagging operations");
                }
                yield new TaggableResource(SERVICE, Boundary.cluster(scope, parts[0]), resourceArn);
            }
            case TASK_DEFINITION -> new TaggableResource(TASK_DEFINITION, Boundary.account(scope), resourceArn);
            default -> throw EcsException.invalidParameter("Tagging is not supported for resource type "
                    + arn.resourceType() + " yet.");
        };
    }
}
