package io.berth.core.cluster;

import io.berth.core.arn.Scope;
import io.berth.core.command.RunTask;
import io.berth.core.command.StartTask;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.Event;
import io.berth.core.event.TaskCreated;
import io.berth.core.json.Json;
import io.berth.core.model.Attribute;
import io.berth.core.model.Cluster;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.ContainerOverride;
import io.berth.core.model.Failure;
import io.berth.core.model.NetworkConfiguration;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.model.Reservation;
import io.berth.core.model.Tag;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.TaskOverride;
import io.berth.core.placement.InstanceView;
import io.berth.core.placement.PlacementFailureReasons;
import io.berth.core.placement.PlacementOutcome;
import io.berth.core.placement.TaskPlacer;
import io.berth.core.placement.TaskShape;
import io.berth.core.task.TaskNeeds;
import io.berth.core.validate.Tags;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * RunTask (placement on the cluster's instances) and StartTask (on named instances). Tasks that
 * cannot be placed are {@code failures[]} entries, never an error of the whole call.
 */
final class TaskLaunch {

    private static final Pattern STARTED_BY = Pattern.compile("[a-zA-Z0-9_/-]{1,128}");
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private TaskLaunch() {
    }

    static Decision run(ClusterState state, RunTask c, DecisionContext ctx) {
        Cluster cluster = ClusterDecider.activeCluster(state);
        Scope scope = state.boundary().scope();
        if (c.clientToken() != null && !CLIENT_TOKEN.matcher(c.clientToken()).matches()) {
            throw EcsException.invalidParameter("clientToken must be 1 to 64 printable ASCII characters.");
        }
        String fingerprint = fingerprint(c);
        Optional<ClusterState.RunTaskToken> earlier = c.clientToken() == null ? Optional.empty()
                : state.runTaskToken(c.clientToken());
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw new EcsException(ErrorCode.CONFLICT_EXCEPTION, "The clientToken " + c.clientToken()
                        + " was already used with different parameters.");
            }
            List<Task> tasks = earlier.get().taskArns().stream().map(arn -> state.task(arn).orElse(null))
                    .filter(t -> t != null).toList();
            return Decision.unchanged(Responses.of("tasks", tasks, "failures", List.of()));
        }
        int count = c.count() == null ? 1 : c.count();
        if (count < 1 || count > 10) {
            throw EcsException.invalidParameter("count must be between 1 and 10.");
        }
        onContainerInstances(c.launchType(), c.capacityProviderStrategy() != null
                && !c.capacityProviderStrategy().isEmpty());
        TaskDefinition definition = ServiceValidation.activeTaskDefinition(scope, c.taskDefinition(), ctx);
        TaskFactory.Launch launch = launch(definition, c.overrides(), c.group(), c.startedBy(), c.networkConfiguration(),
                c.tags(), c.enableExecuteCommand());
        List<PlacementConstraint> constraints = new ArrayList<>(ServiceValidation.placementConstraints(
                c.placementConstraints(), definition));
        if (definition.placementConstraints() != null) {
            constraints.addAll(definition.placementConstraints());
        }
        TaskShape shape = new TaskShape(launch.reservation().cpu(), launch.reservation().memory(),
                launch.reservation().tcpPorts(), launch.reservation().udpPorts(), launch.group(), constraints,
                ServiceValidation.placementStrategy(c.placementStrategy(), ServiceValidation.REPLICA));
        if (state.instances().stream().allMatch(i -> ContainerInstance.INACTIVE.equals(i.status()))) {
            throw EcsException.invalidParameter(PlacementFailureReasons.NO_CONTAINER_INSTANCES);
        }
        Map<String, ContainerInstance> byArn = new LinkedHashMap<>();
        List<InstanceView> views = new ArrayList<>();
        for (ContainerInstance instance : state.instances()) {
            byArn.put(instance.containerInstanceArn(), instance);
            views.add(view(state, instance));
        }
        PlacementOutcome outcome = TaskPlacer.place(shape, count, views, new SplittableRandom(ctx.ids().randomSeed()));
        List<Event> events = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (String instanceArn : outcome.placedOn()) {
            Task task = TaskFactory.create(scope, cluster.clusterName(), cluster.clusterArn(), byArn.get(instanceArn),
                    launch, ctx);
            tasks.add(task);
            events.add(new TaskCreated(task, launch.reservation(), c.clientToken(), fingerprint));
        }
        return Decision.accepted(events, Responses.of("tasks", tasks, "failures", outcome.failures()));
    }

    static Decision start(ClusterState state, StartTask c, DecisionContext ctx) {
        Cluster cluster = ClusterDecider.activeCluster(state);
        Scope scope = state.boundary().scope();
        if (c.containerInstances() == null || c.containerInstances().isEmpty() || c.containerInstances().size() > 10) {
            throw EcsException.invalidParameter("containerInstances must name between 1 and 10 container instances.");
        }
        TaskDefinition definition = ServiceValidation.activeTaskDefinition(scope, c.taskDefinition(), ctx);
        TaskFactory.Launch launch = launch(definition, c.overrides(), c.group(), c.startedBy(), c.networkConfiguration(),
                c.tags(), c.enableExecuteCommand());
        TaskShape shape = new TaskShape(launch.reservation().cpu(), launch.reservation().memory(),
                launch.reservation().tcpPorts(), launch.reservation().udpPorts(), launch.group(), List.of(), List.of());
        List<Event> events = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, Integer> placedSoFar = new LinkedHashMap<>();
        for (String reference : c.containerInstances()) {
            Optional<ContainerInstance> found = ContainerInstances.find(state, cluster, reference);
            if (found.isEmpty() || !found.get().isActive()) {
                failures.add(Failure.missing(reference));
                continue;
            }
            String arn = found.get().containerInstanceArn();
            InstanceView view = withTasks(view(state, found.get()), launch, placedSoFar.getOrDefault(arn, 0));
            PlacementOutcome outcome = TaskPlacer.place(shape, 1, List.of(view), new SplittableRandom(0));
            if (outcome.placedOn().isEmpty()) {
                failures.addAll(outcome.failures());
                continue;
            }
            Task task = TaskFactory.create(scope, cluster.clusterName(), cluster.clusterArn(), found.get(), launch, ctx);
            placedSoFar.merge(arn, 1, Integer::sum);
            tasks.add(task);
            events.add(new TaskCreated(task, launch.reservation(), null, null));
        }
        return Decision.accepted(events, Responses.of("tasks", tasks, "failures", failures));
    }

    /** The view with {@code n} more tasks of this launch on it (StartTask may name an instance twice). */
    private static InstanceView withTasks(InstanceView view, TaskFactory.Launch launch, int n) {
        if (n == 0) {
            return view;
        }
        Set<Integer> tcp = new TreeSet<>(view.usedTcpPorts());
        tcp.addAll(launch.reservation().tcpPorts());
        Set<Integer> udp = new TreeSet<>(view.usedUdpPorts());
        udp.addAll(launch.reservation().udpPorts());
        List<String> groups = new ArrayList<>(view.taskGroups());
        for (int i = 0; i < n; i++) {
            groups.add(launch.group());
        }
        return new InstanceView(view.arn(), view.ec2InstanceId(), view.status(), view.agentConnected(),
                view.registeredAt(), view.agentVersion(), view.attributes(),
                view.remainingCpu() - n * launch.reservation().cpu(),
                view.remainingMemory() - n * launch.reservation().memory(), tcp, udp, groups);
    }

    private static TaskFactory.Launch launch(TaskDefinition definition, TaskOverride overrides, String group,
            String startedBy, NetworkConfiguration network, List<Tag> tags,
            Boolean enableExecuteCommand) {
        if (startedBy != null && !STARTED_BY.matcher(startedBy).matches()) {
            throw EcsException.invalidParameter("startedBy must be 1 to 128 letters, numbers, hyphens, forward "
                    + "slashes or underscores.");
        }
        String taskGroup = group == null ? "family:" + definition.family() : group;
        if (taskGroup.length() > 255) {
            throw EcsException.invalidParameter("group must be at most 255 characters.");
        }
        validateOverrides(definition, overrides);
        ServiceValidation.networkConfiguration(network, definition);
        Reservation reservation = TaskNeeds.of(definition, overrides);
        return new TaskFactory.Launch(definition, overrides, taskGroup, startedBy, network, Tags.validate(tags),
                enableExecuteCommand, reservation);
    }

    private static void validateOverrides(TaskDefinition definition, TaskOverride overrides) {
        if (overrides == null || overrides.containerOverrides() == null) {
            return;
        }
        for (ContainerOverride o : overrides.containerOverrides()) {
            boolean known = definition.containerDefinitions().stream().anyMatch(c -> c.name().equals(o.name()));
            if (!known) {
                throw EcsException.invalidParameter("Container override names " + o.name()
                        + ", which is not a container of " + definition.taskDefinitionArn() + ".");
            }
            if ((o.cpu() != null && o.cpu() < 0) || (o.memory() != null && o.memory() <= 0)
                    || (o.memoryReservation() != null && o.memoryReservation() <= 0)) {
                throw EcsException.invalidParameter("The override of container " + o.name()
                        + " needs cpu of 0 or more and memory and memoryReservation above 0.");
            }
        }
    }

    /** Berth runs tasks on the container instances of its agents: the EC2 (or EXTERNAL) launch type. */
    private static void onContainerInstances(String launchType, boolean capacityProviders) {
        if (capacityProviders || (launchType != null && !launchType.equals("EC2") && !launchType.equals("EXTERNAL"))) {
            throw EcsException.invalidParameter("Berth runs tasks on container instances: use the EC2 or EXTERNAL "
                    + "launch type.");
        }
    }

    static InstanceView view(ClusterState state, ContainerInstance instance) {
        InstanceUsage usage = InstanceUsage.of(state, instance);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Attribute a : instance.attributes()) {
            attributes.put(a.name(), a.value());
        }
        return new InstanceView(instance.containerInstanceArn(), instance.ec2InstanceId(), instance.status(),
                instance.agentConnected(), instance.registeredAt(),
                instance.versionInfo() == null ? null : instance.versionInfo().agentVersion(), attributes,
                instance.registered("CPU") - usage.cpu(), instance.registered("MEMORY") - usage.memory(),
                usage.usedTcpPorts(instance), usage.usedUdpPorts(instance), usage.groups());
    }

    /** Identifies a RunTask request, without its client token, for clientToken idempotency. */
    private static String fingerprint(RunTask c) {
        RunTask withoutToken = Json.with(c, Collections.singletonMap("clientToken", null));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.toBytes(withoutToken));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
