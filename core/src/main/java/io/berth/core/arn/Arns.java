package io.berth.core.arn;

import io.berth.core.error.EcsException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARN formatting and parsing (ecs-semantics §1.5). Berth emits the long format and accepts names,
 * short (pre-2021) and long ARNs wherever ECS does.
 */
public final class Arns {

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):([0-9]*):([a-z-]+)/(.+)");

    private Arns() {
    }

    public static String cluster(Scope scope, String clusterName) {
        return scope.arnPrefix("ecs") + "cluster/" + clusterName;
    }

    public static String service(Scope scope, String clusterName, String serviceName) {
        return scope.arnPrefix("ecs") + "service/" + clusterName + "/" + serviceName;
    }

    public static String taskDefinition(Scope scope, String family, int revision) {
        return scope.arnPrefix("ecs") + "task-definition/" + family + ":" + revision;
    }

    public static String task(Scope scope, String clusterName, String taskId) {
        return scope.arnPrefix("ecs") + "task/" + clusterName + "/" + taskId;
    }

    public static String containerInstance(Scope scope, String clusterName, String id) {
        return scope.arnPrefix("ecs") + "container-instance/" + clusterName + "/" + id;
    }

    public static String container(Scope scope, String clusterName, String taskId, String containerId) {
        return scope.arnPrefix("ecs") + "container/" + clusterName + "/" + taskId + "/" + containerId;
    }

    /**
     * The id a {@code task} parameter names: the id itself, the long ARN
     * ({@code task/<cluster>/<id>}) or the old short one ({@code task/<id>}).
     */
    public static String taskId(Scope scope, String clusterName, String reference) {
        return resourceId(scope, clusterName, reference, "task", "task");
    }

    /** The id a {@code containerInstance} parameter names, in any of ECS's forms. */
    public static String containerInstanceId(Scope scope, String clusterName, String reference) {
        return resourceId(scope, clusterName, reference, "container-instance", "container instance");
    }

    private static String resourceId(Scope scope, String clusterName, String reference, String type, String what) {
        if (reference == null || reference.isEmpty()) {
            throw EcsException.invalidParameter("The " + what + " cannot be empty.");
        }
        if (!isArn(reference)) {
            return reference;
        }
        ParsedArn arn = parse(reference)
                .filter(a -> a.service().equals("ecs") && a.resourceType().equals(type))
                .orElseThrow(() -> EcsException.invalidParameter("Invalid " + what + " ARN: " + reference));
        String[] parts = arn.pathParts();
        if (!arn.scope().equals(scope) || (parts.length == 2 && !parts[0].equals(clusterName)) || parts.length > 2) {
            throw EcsException.invalidParameter("The " + what + " ARN " + reference
                    + " does not belong to this cluster.");
        }
        return parts[parts.length - 1];
    }

    public static Optional<ParsedArn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ARN.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ParsedArn(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
    }

    public static boolean isArn(String text) {
        return text != null && text.startsWith("arn:");
    }

    /**
     * The cluster name a {@code cluster} parameter refers to: a name, or a cluster ARN of this scope.
     * A missing parameter means the {@code default} cluster. An ARN of another scope names a cluster
     * that cannot exist here.
     */
    public static String clusterName(Scope scope, String reference) {
        if (reference == null || reference.isEmpty()) {
            return "default";
        }
        if (!isArn(reference)) {
            return reference;
        }
        ParsedArn arn = parse(reference)
                .filter(a -> a.service().equals("ecs") && a.resourceType().equals("cluster"))
                .orElseThrow(() -> EcsException.invalidParameter("Invalid cluster ARN: " + reference));
        if (!arn.scope().equals(scope)) {
            throw EcsException.clusterNotFound();
        }
        return arn.path();
    }

    /**
     * The service name a {@code service} parameter refers to, accepting a name, the long ARN
     * ({@code service/<cluster>/<name>}) or the old short ARN ({@code service/<name>}). A long ARN
     * naming another cluster than the request's is an invalid parameter, as in ECS.
     */
    public static String serviceName(Scope scope, String clusterName, String reference) {
        if (reference == null || reference.isEmpty()) {
            throw EcsException.invalidParameter("Service cannot be empty.");
        }
        if (!isArn(reference)) {
            return reference;
        }
        ParsedArn arn = parse(reference)
                .filter(a -> a.service().equals("ecs") && a.resourceType().equals("service"))
                .orElseThrow(() -> EcsException.invalidParameter("Invalid service ARN: " + reference));
        if (!arn.scope().equals(scope)) {
            throw EcsException.serviceNotFound();
        }
        String[] parts = arn.pathParts();
        if (parts.length == 1) {
            return parts[0];
        }
        if (parts.length == 2) {
            if (!parts[0].equals(clusterName)) {
                throw EcsException.invalidParameter("The service ARN's cluster does not match the cluster parameter.");
            }
            return parts[1];
        }
        throw EcsException.invalidParameter("Invalid service ARN: " + reference);
    }
}
