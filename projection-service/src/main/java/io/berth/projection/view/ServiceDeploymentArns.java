package io.berth.projection.view;

import io.berth.core.arn.Arns;
import io.berth.core.arn.ParsedArn;
import java.util.Optional;

/**
 * The ARNs of a service's deployments and of their revisions (ecs-semantics §1.5):
 * {@code service-deployment/<cluster>/<service>/<id>} and {@code service-revision/<cluster>/<service>/<id>},
 * where {@code <id>} is the deployment id without its {@code ecs-svc/} prefix. Berth keeps one
 * revision per deployment, so both share the id.
 */
public final class ServiceDeploymentArns {

    private static final String DEPLOYMENT_ID_PREFIX = "ecs-svc/";

    private ServiceDeploymentArns() {
    }

    /** The deployment's ARN, from its service's long ARN ({@code ...:service/<cluster>/<service>}). */
    public static String deployment(String serviceArn, String deploymentId) {
        return underService(serviceArn, "service-deployment/", deploymentId);
    }

    /** The ARN of the service revision the deployment deploys. */
    public static String revision(String serviceArn, String deploymentId) {
        return underService(serviceArn, "service-revision/", deploymentId);
    }

    /** The parts of a service deployment ARN, or empty if the text is not one. */
    public static Optional<Parsed> parse(String arn) {
        return Arns.parse(arn)
                .filter(a -> a.service().equals("ecs") && a.resourceType().equals("service-deployment"))
                .filter(a -> a.pathParts().length == 3)
                .map(Parsed::of);
    }

    /** A service deployment ARN taken apart: its scope's ARN and the cluster, service and short id. */
    public record Parsed(ParsedArn arn, String clusterName, String serviceName, String shortId) {

        private static Parsed of(ParsedArn arn) {
            String[] parts = arn.pathParts();
            return new Parsed(arn, parts[0], parts[1], parts[2]);
        }
    }

    private static String underService(String serviceArn, String type, String deploymentId) {
        int service = serviceArn.indexOf(":service/");
        if (service < 0) {
            throw new IllegalArgumentException("not a long service ARN: " + serviceArn);
        }
        String id = deploymentId.startsWith(DEPLOYMENT_ID_PREFIX) ? deploymentId.substring(DEPLOYMENT_ID_PREFIX.length())
                : deploymentId;
        return serviceArn.substring(0, service + 1) + type + serviceArn.substring(service + ":service/".length())
                + "/" + id;
    }
}
