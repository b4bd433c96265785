package io.berth.core.validate;

import io.berth.core.model.Attribute;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.Secret;
import io.berth.core.model.TaskDefinition;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The container instance capabilities a task definition needs, which ECS computes into
 * {@code requiresAttributes} and placement matches against instance attributes. Each rule comes
 * from AWS's documentation ("requires version 1.18 of the Docker Remote API") or from the
 * attributes ECS itself returns for definitions using the feature. Listed by name, so a
 * definition always gets the same list.
 */
final class RequiredAttributes {

    private static final String DOCKER_API = "com.amazonaws.ecs.capability.docker-remote-api.";
    private static final Pattern ECR_IMAGE =
            Pattern.compile("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.*");

    private RequiredAttributes() {
    }

    static List<Attribute> of(TaskDefinition definition) {
        SortedSet<String> names = new TreeSet<>();
        boolean executionRole = definition.executionRoleArn() != null;
        if ("awsvpc".equals(definition.networkMode())) {
            names.add("ecs.capability.task-eni");
            // Every awsvpc definition ECS returns also asks for Docker API 1.18, whatever else it uses.
            names.add(DOCKER_API + "1.18");
        }
        if (definition.taskRoleArn() != null) {
            names.add("com.amazonaws.ecs.capability.task-iam-role");
        }
        for (ContainerDefinition container : definition.containerDefinitions()) {
            addContainerNeeds(container, executionRole, names);
        }
        return names.stream().map(Attribute::named).toList();
    }

    private static void addContainerNeeds(ContainerDefinition container, boolean executionRole,
            SortedSet<String> names) {
        if (container.logConfiguration() != null) {
            String driver = container.logConfiguration().logDriver();
            names.add(DOCKER_API + "1.18");
            names.add("com.amazonaws.ecs.capability.logging-driver." + driver);
            if (container.logConfiguration().options() != null && !container.logConfiguration().options().isEmpty()) {
                names.add(DOCKER_API + "1.19");
            }
            if (driver.equals("awslogs") && executionRole) {
                names.add("ecs.capability.execution-role-awslogs");
            }
        }
        boolean labels = container.dockerLabels() != null && !container.dockerLabels().isEmpty();
        if (labels || notEmpty(container.ulimits())) {
            names.add(DOCKER_API + "1.18");
        }
        if (container.linuxParameters() != null && container.linuxParameters().path("initProcessEnabled").asBoolean()) {
            names.add(DOCKER_API + "1.25");
        }
        if (container.healthCheck() != null) {
            names.add("ecs.capability.container-health-check");
        }
        if (notEmpty(container.dependsOn())) {
            names.add("ecs.capability.container-ordering");
        }
        if (Boolean.TRUE.equals(container.privileged())) {
            names.add("com.amazonaws.ecs.capability.privileged-container");
        }
        if (ECR_IMAGE.matcher(container.image()).matches()) {
            names.add("com.amazonaws.ecs.capability.ecr-auth");
            if (executionRole) {
                names.add("ecs.capability.execution-role-ecr-pull");
            }
        }
        if (container.environmentFiles() != null && !container.environmentFiles().isEmpty()) {
            names.add("ecs.capability.env-files.s3");
        }
        if (container.secrets() != null) {
            for (Secret secret : container.secrets()) {
                names.add(secret.valueFrom().contains(":secretsmanager:")
                        ? "ecs.capability.secrets.asm.environment-variables"
                        : "ecs.capability.secrets.ssm.environment-variables");
            }
        }
    }

    private static boolean notEmpty(Collection<?> values) {
        return values != null && !values.isEmpty();
    }
}
