package io.berth.core.arn;

/**
 * An ECS ARN split into its parts: {@code arn:aws:ecs:<region>:<account>:<resourceType>/<path>}.
 * For {@code task-definition/web:3} the type is {@code task-definition} and the path {@code web:3}.
 */
public record ParsedArn(String service, String region, String account, String resourceType, String path) {

    public Scope scope() {
        return new Scope(account, region);
    }

    /** The path split at '/' ({@code service/c/s} gives ["c", "s"]). */
    public String[] pathParts() {
        return path.split("/", -1);
    }
}
