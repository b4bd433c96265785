package io.berth.core.validate;

import io.berth.core.error.EcsException;
import io.berth.core.model.TaskDefinition;
import java.util.List;
import java.util.Optional;

/**
 * The launch types a task definition can run on, which ECS computes into {@code compatibilities}
 * and checks against {@code requiresCompatibilities}. Listed in the order of the model's
 * Compatibility enum (EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES):
 * <ul>
 * <li>EC2: always. EC2 Linux instances run every network mode and every feature we accept.
 * <li>FARGATE: awsvpc, a Fargate task size, no Fargate-incompatible feature ({@link FargateCompatibility}).
 * <li>EXTERNAL: bridge, host or none. ECS Anywhere has no task network interfaces, so no awsvpc
 *     (the CDK's ExternalTaskDefinition allows exactly these modes, and ECS's responses show
 *     ["EXTERNAL", "EC2"] for bridge definitions and never EXTERNAL for awsvpc ones).
 * <li>MANAGED_INSTANCES: awsvpc or host, the two modes ECS Managed Instances supports (AWS's
 *     managed-instance networking guide; ECS answers ["EC2", "MANAGED_INSTANCES"] for an awsvpc
 *     definition whose size is not a Fargate one).
 * </ul>
 */
final class Compatibilities {

    static final String EC2 = "EC2";
    static final String FARGATE = "FARGATE";
    static final String EXTERNAL = "EXTERNAL";
    static final String MANAGED_INSTANCES = "MANAGED_INSTANCES";
    static final List<String> ALL = List.of(EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES);

    private Compatibilities() {
    }

    /** {@code requiresCompatibilities} as given, after checking each item is a known launch type. */
    static List<String> checkKnown(List<String> required) {
        if (required == null) {
            return null;
        }
        for (String compatibility : required) {
            if (!ALL.contains(compatibility)) {
                throw EcsException.invalidParameter("Invalid 'requiresCompatibilities' value '" + compatibility
                        + "': use EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES.");
            }
        }
        return List.copyOf(required);
    }

    /** The launch types {@code definition} (validated, normalised) can run on. */
    static List<String> of(TaskDefinition definition) {
        return ALL.stream().filter(c -> whyNot(c, definition).isEmpty()).toList();
    }

    /** Rejects a definition that cannot run on a launch type it requires. */
    static void checkRequired(TaskDefinition definition) {
        if (definition.requiresCompatibilities() == null) {
            return;
        }
        for (String required : definition.requiresCompatibilities()) {
            Optional<String> problem = whyNot(required, definition);
            if (problem.isPresent()) {
                throw EcsException.client(problem.get());
            }
        }
    }

    private static Optional<String> whyNot(String compatibility, TaskDefinition definition) {
        NetworkMode mode = NetworkMode.parse(definition.networkMode());
        return switch (compatibility) {
            case EC2 -> Optional.empty();
            case FARGATE -> FargateCompatibility.problem(definition);
            case EXTERNAL -> mode == NetworkMode.AWSVPC
                    ? Optional.of("ECS Anywhere (EXTERNAL) does not support network mode 'awsvpc'.")
                    : Optional.empty();
            case MANAGED_INSTANCES -> mode == NetworkMode.AWSVPC || mode == NetworkMode.HOST
                    ? Optional.empty()
                    : Optional.of("ECS Managed Instances (MANAGED_INSTANCES) supports network modes 'awsvpc' and "
                            + "'host', not '" + mode.wireName() + "'.");
            default -> throw new IllegalArgumentException("unknown compatibility " + compatibility);
        };
    }
}
