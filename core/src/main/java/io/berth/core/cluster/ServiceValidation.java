package io.berth.core.cluster;

import io.berth.core.arn.Scope;
import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.decide.DecisionContext;
import io.berth.core.error.EcsException;
import io.berth.core.model.CapacityProviderStrategyItem;
import io.berth.core.model.DeploymentAlarms;
import io.berth.core.model.DeploymentCircuitBreaker;
import io.berth.core.model.DeploymentConfiguration;
import io.berth.core.model.DeploymentController;
import io.berth.core.model.NetworkConfiguration;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.PlacementStrategy;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.ThresholdConfiguration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The parameter rules of CreateService and UpdateService (ecs-semantics §2, §3.3). */
final class ServiceValidation {

    static final String REPLICA = "REPLICA";
    static final String DAEMON = "DAEMON";

    private static final Set<String> SCHEDULING_STRATEGIES = Set.of(REPLICA, DAEMON);
    private static final Set<String> CONTROLLERS = Set.of("ECS", "CODE_DEPLOY", "EXTERNAL");
    private static final Set<String> LAUNCH_TYPES = Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");
    private static final Set<String> PROPAGATE_TAGS = Set.of("TASK_DEFINITION", "SERVICE", "NONE");
    private static final Set<String> STRATEGIES = Set.of("ROLLING", "BLUE_GREEN", "LINEAR", "CANARY");
    private static final Set<String> THRESHOLD_TYPES = Set.of("COUNT", "BOUNDED_PERCENT", "UNBOUNDED_PERCENT");
    private static final Set<String> AZ_REBALANCING = Set.of("ENABLED", "DISABLED");
    private static final String ATTRIBUTE_PREFIX = "attribute:";
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[\\x21-\\x7e]{1,36}");

    private ServiceValidation() {
    }

    static String schedulingStrategy(String value) {
        String strategy = value == null ? REPLICA : value;
        if (!SCHEDULING_STRATEGIES.contains(strategy)) {
            throw EcsException.invalidParameter("schedulingStrategy must be REPLICA or DAEMON.");
        }
        return strategy;
    }

    static DeploymentController controller(DeploymentController value) {
        if (value == null || value.type() == null) {
            return DeploymentController.ECS;
        }
        if (!CONTROLLERS.contains(value.type())) {
            throw EcsException.invalidParameter("deploymentController type must be ECS, CODE_DEPLOY or EXTERNAL.");
        }
        return value;
    }

    static void launchType(String launchType, List<CapacityProviderStrategyItem> strategy) {
        if (launchType != null && strategy != null && !strategy.isEmpty()) {
            throw EcsException.invalidParameter(
                    "Specifying both a launch type and capacity provider strategy is not supported. "
                            + "Remove one and try again.");
        }
        if (launchType != null && !LAUNCH_TYPES.contains(launchType)) {
            throw EcsException.invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL, "
                    + "MANAGED_INSTANCES.");
        }
    }

    static int desiredCount(Integer value, String schedulingStrategy) {
        if (value == null) {
            if (REPLICA.equals(schedulingStrategy)) {
                throw EcsException.invalidParameter("desiredCount is required for a REPLICA service.");
            }
            return 0;
        }
        if (value < 0) {
            throw EcsException.invalidParameter("desiredCount must be 0 or greater.");
        }
        return value;
    }

    static String clientToken(String token) {
        if (token != null && !CLIENT_TOKEN.matcher(token).matches()) {
            throw EcsException.invalidParameter("clientToken must be 1 to 36 printable ASCII characters.");
        }
        return token;
    }

    static String propagateTags(String value) {
        if (value == null) {
            return "NONE";
        }
        if (!PROPAGATE_TAGS.contains(value)) {
            throw EcsException.invalidParameter("propagateTags must be TASK_DEFINITION, SERVICE or NONE.");
        }
        return value;
    }

    static String availabilityZoneRebalancing(String value) {
        if (value != null && !AZ_REBALANCING.contains(value)) {
            throw EcsException.invalidParameter("availabilityZoneRebalancing must be ENABLED or DISABLED.");
        }
        return value;
    }

    static Integer gracePeriod(Integer value) {
        if (value != null && value < 0) {
            throw EcsException.invalidParameter("healthCheckGracePeriodSeconds must be 0 or greater.");
        }
        return value;
    }

    /**
     * The deployment configuration with ECS's defaults filled in: REPLICA 100/200, DAEMON 0/100
     * (and DAEMON's maximum must be 100), breaker off, ROLLING. {@code base} supplies values for
     * omitted fields on update.
     */
    static DeploymentConfiguration deploymentConfiguration(DeploymentConfiguration given, DeploymentConfiguration base,
            String schedulingStrategy) {
        boolean daemon = DAEMON.equals(schedulingStrategy);
        DeploymentConfiguration g = given == null
                ? new DeploymentConfiguration(null, null, null, null, null, null, null, null, null, null) : given;
        Integer min = firstNonNull(g.minimumHealthyPercent(), base == null ? null : base.minimumHealthyPercent(),
                daemon ? 0 : 100);
        Integer max = firstNonNull(g.maximumPercent(), base == null ? null : base.maximumPercent(), daemon ? 100 : 200);
        if (min < 0 || min > 100) {
            throw EcsException.invalidParameter("minimumHealthyPercent must be between 0 and 100.");
        }
        if (max < 100) {
            throw EcsException.invalidParameter("maximumPercent must be 100 or greater.");
        }
        if (daemon && max != 100) {
            throw EcsException.invalidParameter("The maximumPercent of a DAEMON service must be 100.");
        }
        DeploymentCircuitBreaker breaker = circuitBreaker(
                g.deploymentCircuitBreaker() != null ? g.deploymentCircuitBreaker()
                        : base == null ? null : base.deploymentCircuitBreaker());
        DeploymentAlarms alarms = alarms(g.alarms() != null ? g.alarms() : base == null ? null : base.alarms());
        String strategy = firstNonNull(g.strategy(), base == null ? null : base.strategy(), "ROLLING");
        if (!STRATEGIES.contains(strategy)) {
            throw EcsException.invalidParameter("strategy must be ROLLING, BLUE_GREEN, LINEAR or CANARY.");
        }
        Integer bake = g.bakeTimeInMinutes() != null ? g.bakeTimeInMinutes()
                : base == null ? null : base.bakeTimeInMinutes();
        if (bake != null && (bake < 0 || bake > 1440)) {
            throw EcsException.invalidParameter("bakeTimeInMinutes must be between 0 and 1440.");
        }
        return new DeploymentConfiguration(breaker, max, min, alarms, strategy, bake,
                g.lifecycleHooks() != null ? g.lifecycleHooks() : base == null ? null : base.lifecycleHooks(),
                g.linearConfiguration() != null ? g.linearConfiguration()
                        : base == null ? null : base.linearConfiguration(),
                g.canaryConfiguration() != null ? g.canaryConfiguration()
                        : base == null ? null : base.canaryConfiguration(),
                g.earlySuccessCriteria() != null ? g.earlySuccessCriteria()
                        : base == null ? null : base.earlySuccessCriteria());
    }

    private static DeploymentCircuitBreaker circuitBreaker(DeploymentCircuitBreaker given) {
        if (given == null) {
            return new DeploymentCircuitBreaker(false, false, null, null);
        }
        if (given.enable() == null || given.rollback() == null) {
            throw EcsException.invalidParameter("deploymentCircuitBreaker requires both enable and rollback.");
        }
        ThresholdConfiguration threshold = given.thresholdConfiguration();
        if (threshold != null) {
            if (threshold.type() == null || !THRESHOLD_TYPES.contains(threshold.type()) || threshold.value() == null
                    || threshold.value() < 0) {
                throw EcsException.invalidParameter("thresholdConfiguration needs a type of COUNT, BOUNDED_PERCENT "
                        + "or UNBOUNDED_PERCENT and a value of 0 or greater.");
            }
        }
        return given;
    }

    private static DeploymentAlarms alarms(DeploymentAlarms given) {
        if (given == null) {
            return null;
        }
        if (given.alarmNames() == null || given.enable() == null || given.rollback() == null) {
            throw EcsException.invalidParameter("alarms requires alarmNames, enable and rollback.");
        }
        return given;
    }

    /** The service's constraints, which together with its task definition's may be at most 10 (§2). */
    static List<PlacementConstraint> placementConstraints(List<PlacementConstraint> constraints,
            TaskDefinition taskDefinition) {
        if (constraints == null) {
            return List.of();
        }
        int inherited = taskDefinition == null || taskDefinition.placementConstraints() == null ? 0
                : taskDefinition.placementConstraints().size();
        if (constraints.size() + inherited > 10) {
            throw EcsException.invalidParameter("A task can have at most 10 placement constraints, including the "
                    + inherited + " of its task definition.");
        }
        for (PlacementConstraint constraint : constraints) {
            String type = constraint == null ? null : constraint.type();
            if ("distinctInstance".equals(type)) {
                if (constraint.expression() != null) {
                    throw EcsException.invalidParameter("A distinctInstance constraint takes no expression.");
                }
            } else if ("memberOf".equals(type)) {
                if (constraint.expression() == null || constraint.expression().isBlank()) {
                    throw EcsException.invalidParameter("A memberOf constraint needs an expression.");
                }
            } else {
                throw EcsException.invalidParameter("Placement constraint type must be distinctInstance or memberOf.");
            }
        }
        return List.copyOf(constraints);
    }

    static List<PlacementStrategy> placementStrategy(List<PlacementStrategy> strategies, String schedulingStrategy) {
        if (strategies == null || strategies.isEmpty()) {
            return List.of();
        }
        if (DAEMON.equals(schedulingStrategy)) {
            throw EcsException.invalidParameter("Placement strategies are not supported with DAEMON scheduling "
                    + "strategy.");
        }
        if (strategies.size() > 5) {
            throw EcsException.invalidParameter("A service can have at most 5 placement strategies.");
        }
        for (PlacementStrategy strategy : strategies) {
            String type = strategy == null ? null : strategy.type();
            String field = type == null ? null : strategy.field();
            boolean valid = switch (type == null ? "" : type) {
                case "random" -> field == null;
                case "binpack" -> "cpu".equalsIgnoreCase(field) || "memory".equalsIgnoreCase(field);
                case "spread" -> isSpreadField(field);
                default -> false;
            };
            if (!valid) {
                throw EcsException.invalidParameter("Invalid placement strategy " + type + " with field " + field
                        + ": use random, binpack on cpu or memory, or spread on instanceId, host or attribute:<name>.");
            }
        }
        return List.copyOf(strategies);
    }

    /** spread works on instanceId (host is its synonym) or on a named container-instance attribute (§4.1). */
    private static boolean isSpreadField(String field) {
        return "instanceId".equalsIgnoreCase(field) || "host".equalsIgnoreCase(field)
                || field != null && field.startsWith(ATTRIBUTE_PREFIX) && field.length() > ATTRIBUTE_PREFIX.length();
    }

    /** awsvpc task definitions need a network configuration; other modes refuse one. */
    static void networkConfiguration(NetworkConfiguration network, TaskDefinition taskDefinition) {
        if (taskDefinition == null) {
            return;
        }
        boolean awsvpc = "awsvpc".equals(taskDefinition.networkMode());
        if (awsvpc && (network == null || network.awsvpcConfiguration() == null)) {
            throw EcsException.invalidParameter(
                    "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        if (!awsvpc && network != null) {
            throw EcsException.invalidParameter(
                    "Network Configuration is not valid for the given networkMode of this task definition.");
        }
        if (awsvpc) {
            List<String> subnets = network.awsvpcConfiguration().subnets();
            if (subnets == null || subnets.isEmpty()) {
                throw EcsException.invalidParameter("subnets can not be empty.");
            }
            String publicIp = network.awsvpcConfiguration().assignPublicIp();
            if (publicIp != null && !publicIp.equals("ENABLED") && !publicIp.equals("DISABLED")) {
                throw EcsException.invalidParameter("assignPublicIp must be ENABLED or DISABLED.");
            }
        }
    }

    /** The task definition a service parameter names, which must exist and be ACTIVE. */
    static TaskDefinition activeTaskDefinition(Scope scope, String reference, DecisionContext ctx) {
        TaskDefinitionRef ref = TaskDefinitionRef.parse(scope, reference);
        TaskDefinition found = ctx.taskDefinitions().find(scope, ref)
                .orElseThrow(() -> EcsException.client("TaskDefinition not found."));
        if (!found.isActive()) {
            throw EcsException.client("TaskDefinition is inactive");
        }
        return found;
    }

    /** A FARGATE service needs a definition that is FARGATE compatible. */
    static void launchTypeCompatibility(String launchType, TaskDefinition taskDefinition) {
        if (launchType != null && taskDefinition != null && taskDefinition.compatibilities() != null
                && !taskDefinition.compatibilities().contains(launchType)) {
            throw EcsException.invalidParameter("Task definition does not support launch_type " + launchType + ".");
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
