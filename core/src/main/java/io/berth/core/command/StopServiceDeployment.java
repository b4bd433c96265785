package io.berth.core.command;

import io.berth.core.arn.Arns;
import io.berth.core.arn.ParsedArn;
import io.berth.core.error.EcsException;

/**
 * ECS StopServiceDeployment: stop a service's deployment in progress — {@code ROLLBACK} (the
 * default) returns the service to its most recent COMPLETED deployment, {@code ABORT} leaves it
 * where it is, FAILED. The deployment is named by its service deployment ARN,
 * {@code arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<id>}.
 */
public record StopServiceDeployment(String serviceDeploymentArn, String stopType) implements ClusterCommand {

    public static final String ROLLBACK = "ROLLBACK";
    public static final String ABORT = "ABORT";

    /** The three parts of the ARN's path: cluster, service and deployment id (without {@code ecs-svc/}). */
    public String[] parts() {
        ParsedArn arn = Arns.parse(serviceDeploymentArn).filter(a -> a.resourceType().equals("service-deployment"))
                .filter(a -> a.pathParts().length == 3)
                .orElseThrow(() -> EcsException.invalidParameter("serviceDeploymentArn must be an ARN of the form "
                        + "arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<id>."));
        return arn.pathParts();
    }

    @Override
    public String clusterReference() {
        return parts()[0];
    }
}
