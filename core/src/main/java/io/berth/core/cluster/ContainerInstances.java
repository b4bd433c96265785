package io.berth.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.command.DeregisterContainerInstance;
import io.berth.core.command.RecordAgentConnectivity;
import io.berth.core.command.RegisterContainerInstance;
import io.berth.core.command.UpdateContainerInstancesState;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.ContainerInstanceChanged;
import io.berth.core.event.ContainerInstanceDeregistered;
import io.berth.core.event.ContainerInstanceRegistered;
import io.berth.core.event.Event;
import io.berth.core.event.TaskChanged;
import io.berth.core.json.Json;
import io.berth.core.model.Attribute;
import io.berth.core.model.Cluster;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Failure;
import io.berth.core.model.Resource;
import io.berth.core.model.Task;
import io.berth.core.validate.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Container instance lifecycle (ecs-semantics §3.7): RegisterContainerInstance (and re-registration,
 * which keeps the identity), DeregisterContainerInstance, UpdateContainerInstancesState and the
 * agent's connectivity. Remaining resources and task counts are derived, not recorded.
 */
final class ContainerInstances {

    static final String AVAILABILITY_ZONE = "ecs.availability-zone";
    private static final Set<String> STATES = Set.of(ContainerInstance.ACTIVE, ContainerInstance.DRAINING);
    private static final int MAX_CUSTOM_ATTRIBUTES = 10;
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    private static final int MAX_PORT = 65_535;

    private ContainerInstances() {
    }

    static Decision register(ClusterState state, RegisterContainerInstance c, DecisionContext ctx) {
        Cluster cluster = ClusterDecider.activeCluster(state);
        Scope scope = state.boundary().scope();
        List<Resource> resources = resources(c.totalResources());
        JsonNode identity = identityDocument(c.instanceIdentityDocument());
        Optional<ContainerInstance> known = Optional.empty();
        if (c.containerInstanceArn() != null) {
            String id = Arns.containerInstanceId(scope, cluster.clusterName(), c.containerInstanceArn());
            known = state.instance(Arns.containerInstance(scope, cluster.clusterName(), id));
            if (known.isEmpty()) {
                throw EcsException.invalidParameter("The container instance " + c.containerInstanceArn()
                        + " was never registered in this cluster.");
            }
            // Deregistration is final: the agent must register afresh, under a new ARN.
            if (ContainerInstance.INACTIVE.equals(known.get().status())) {
                throw EcsException.client("Container instance " + id + " is inactive.");
            }
        }
        String arn = known.map(ContainerInstance::containerInstanceArn)
                .orElseGet(() -> Arns.containerInstance(scope, cluster.clusterName(), ctx.ids().hexId()));
        String ec2InstanceId = identity.path("instanceId").asText(known.map(ContainerInstance::ec2InstanceId)
                .orElse("i-" + arn.substring(arn.lastIndexOf('/') + 1, arn.lastIndexOf('/') + 18)));
        List<Attribute> attributes = attributes(c.attributes(), identity.path("availabilityZone").asText(null));
        // An agent re-registers whenever it restarts: that must not undo an operator's drain.
        String status = known.map(ContainerInstance::status).orElse(ContainerInstance.ACTIVE);
        ContainerInstance instance = new ContainerInstance(arn, ec2InstanceId, null,
                known.map(i -> i.version() + 1).orElse(1L), c.versionInfo(), null, resources, status, null, true, null, null, null, attributes,
                known.map(ContainerInstance::registeredAt).orElse(ctx.now()), null,
                Tags.validate(c.tags()).isEmpty() ? null : Tags.validate(c.tags()), null);
        if (known.isPresent()) {
            sameSize(known.get(), instance);
        }
        return Decision.accepted(List.of(new ContainerInstanceRegistered(instance)),
                Responses.of("containerInstance", view(state, instance)));
    }

    /** The tasks placed on an instance hold what it registered; ECS refuses a host that comes back resized. */
    private static void sameSize(ContainerInstance before, ContainerInstance after) {
        if (after.registered("CPU") != before.registered("CPU")
                || after.registered("MEMORY") != before.registered("MEMORY")) {
            throw EcsException.client("Container instance type changes are not supported. Container instance "
                    + before.id() + " was previously registered with " + before.registered("CPU") + " CPU units and "
                    + before.registered("MEMORY") + " MiB of memory.");
        }
    }

    static Decision deregister(ClusterState state, DeregisterContainerInstance c, DecisionContext ctx) {
        Cluster cluster = ClusterDecider.activeCluster(state);
        ContainerInstance instance = existing(state, cluster, c.containerInstance());
        List<Task> live = state.tasks().stream()
                .filter(t -> instance.containerInstanceArn().equals(t.containerInstanceArn()) && !t.isStopped())
                .toList();
        if (!live.isEmpty() && !Boolean.TRUE.equals(c.force())) {
            throw EcsException.invalidParameter("The container instance has " + live.size()
                    + " tasks that are not stopped. Stop them first, or deregister with force.");
        }
        List<Event> events = new ArrayList<>();
        for (Task task : live) {
            // Its agent no longer answers for it: the task is orphaned, recorded as stopped.
            events.add(new TaskChanged(TaskTransitions.stopped(task, "TerminationNotice",
                    "Container instance deregistration forced by user", ctx.now())));
        }
        ContainerInstance inactive = with(instance, Map.of("status", ContainerInstance.INACTIVE,
                "agentConnected", false, "version", instance.version() + 1));
        events.add(new ContainerInstanceDeregistered(inactive));
        // This decision stops whatever ran there, so the instance is shown holding nothing.
        return Decision.accepted(events, Responses.of("containerInstance", view(inactive, InstanceUsage.NONE)));
    }

    static Decision updateState(ClusterState state, UpdateContainerInstancesState c) {
        Cluster cluster = ClusterDecider.activeCluster(state);
        if (c.status() == null || !STATES.contains(c.status())) {
            throw EcsException.invalidParameter("status must be ACTIVE or DRAINING.");
        }
        if (c.containerInstances() == null || c.containerInstances().isEmpty() || c.containerInstances().size() > 10) {
            throw EcsException.invalidParameter("containerInstances must name between 1 and 10 container instances.");
        }
        List<Event> events = new ArrayList<>();
        Map<String, ContainerInstance> shown = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        for (String reference : c.containerInstances()) {
            Optional<ContainerInstance> found = find(state, cluster, reference);
            if (found.isEmpty() || ContainerInstance.INACTIVE.equals(found.get().status())) {
                failures.add(Failure.missing(reference));
                continue;
            }
            // An instance named twice (say by id and by ARN) changes once, from what the first mention made it.
            ContainerInstance instance = shown.getOrDefault(found.get().containerInstanceArn(), found.get());
            if (!instance.status().equals(c.status())) {
                instance = with(instance, Map.of("status", c.status(), "version", instance.version() + 1));
                events.add(new ContainerInstanceChanged(instance));
            }
            shown.put(instance.containerInstanceArn(), instance);
        }
        List<ContainerInstance> views = shown.values().stream().map(i -> view(state, i)).toList();
        return Decision.accepted(events, Responses.of("containerInstances", views, "failures", failures));
    }

    static Decision connectivity(ClusterState state, RecordAgentConnectivity c) {
        Optional<ContainerInstance> found = state.cluster().flatMap(cluster -> find(state, cluster,
                c.containerInstance()));
        if (found.isEmpty() || ContainerInstance.INACTIVE.equals(found.get().status())
                || found.get().agentConnected() == c.connected()) {
            return Decision.unchanged(Responses.empty());
        }
        ContainerInstance changed = with(found.get(), Map.of("agentConnected", c.connected(),
                "version", found.get().version() + 1));
        return Decision.accepted(List.of(new ContainerInstanceChanged(changed)), Responses.empty());
    }

    /** The instance a parameter names, which must exist in the cluster. */
    static ContainerInstance existing(ClusterState state, Cluster cluster, String reference) {
        return find(state, cluster, reference).orElseThrow(() -> EcsException.invalidParameter(
                "The referenced container instance " + reference + " was not found."));
    }

    static Optional<ContainerInstance> find(ClusterState state, Cluster cluster, String reference) {
        Scope scope = state.boundary().scope();
        String id = Arns.containerInstanceId(scope, cluster.clusterName(), reference);
        return state.instance(Arns.containerInstance(scope, cluster.clusterName(), id));
    }

    /** The instance as ECS shows it: with remaining resources and task counts derived from its tasks. */
    static ContainerInstance view(ClusterState state, ContainerInstance instance) {
        return view(instance, InstanceUsage.of(state, instance));
    }

    private static ContainerInstance view(ContainerInstance instance, InstanceUsage usage) {
        return with(instance, Map.of(
                "remainingResources", usage.remainingResources(instance),
                "runningTasksCount", usage.running(),
                "pendingTasksCount", usage.pending()));
    }

    private static ContainerInstance with(ContainerInstance instance, Map<String, Object> changes) {
        return Json.with(instance, changes);
    }

    private static List<Resource> resources(List<Resource> given) {
        List<Resource> resources = given == null ? List.of() : given;
        if (resources.stream().anyMatch(r -> r == null || r.name() == null || r.name().isEmpty())) {
            throw EcsException.invalidParameter("Every resource in totalResources needs a name.");
        }
        for (String required : List.of("CPU", "MEMORY")) {
            Resource resource = resources.stream().filter(r -> required.equals(r.name())).findFirst()
                    .orElseThrow(() -> EcsException.invalidParameter("totalResources must include " + required + "."));
            if (resource.integerValue() == null || resource.integerValue() <= 0) {
                throw EcsException.invalidParameter(required + " must be a positive INTEGER resource.");
            }
        }
        List<Resource> normalised = new ArrayList<>();
        for (Resource r : resources) {
            normalised.add(switch (r.name()) {
                case "CPU", "MEMORY" -> Resource.integer(r.name(), r.integerValue());
                case "PORTS", "PORTS_UDP" -> Resource.stringSet(r.name(), ports(r));
                default -> r;
            });
        }
        for (String ports : List.of("PORTS", "PORTS_UDP")) {
            if (normalised.stream().noneMatch(r -> r.name().equals(ports))) {
                normalised.add(Resource.stringSet(ports, ports.equals("PORTS")
                        ? List.of("22", "2375", "2376", "51678", "51679", "51680") : List.of()));
            }
        }
        return List.copyOf(normalised);
    }

    /** The reserved ports of a PORTS or PORTS_UDP resource, which placement reads as port numbers. */
    private static List<String> ports(Resource resource) {
        List<String> ports = resource.stringSetValue() == null ? List.of() : resource.stringSetValue();
        for (String port : ports) {
            if (port == null || !PORT.matcher(port).matches() || Integer.parseInt(port) > MAX_PORT) {
                throw EcsException.invalidParameter(resource.name() + " must list port numbers from 1 to " + MAX_PORT
                        + ", not '" + port + "'.");
            }
        }
        return ports;
    }

    private static JsonNode identityDocument(String document) {
        if (document == null || document.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.readTree(document);
        } catch (RuntimeException e) {
            throw EcsException.invalidParameter("instanceIdentityDocument is not JSON.");
        }
    }

    private static List<Attribute> attributes(List<Attribute> given, String availabilityZone) {
        List<Attribute> attributes = new ArrayList<>();
        int custom = 0;
        for (Attribute a : given == null ? List.<Attribute>of() : given) {
            if (a == null || a.name() == null || a.name().isEmpty() || a.name().length() > 128
                    || (a.value() != null && (a.value().isEmpty() || a.value().length() > 128))) {
                throw EcsException.invalidParameter("Attribute names and values must be 1 to 128 characters.");
            }
            boolean builtIn = a.name().startsWith("ecs.") || a.name().startsWith("com.amazonaws.ecs.");
            if (!builtIn && ++custom > MAX_CUSTOM_ATTRIBUTES) {
                throw new EcsException(ErrorCode.CLIENT_EXCEPTION,
                        "A container instance can have at most " + MAX_CUSTOM_ATTRIBUTES + " custom attributes.");
            }
            attributes.add(new Attribute(a.name(), a.value(), null, null));
        }
        if (availabilityZone != null && attributes.stream().noneMatch(a -> a.name().equals(AVAILABILITY_ZONE))) {
            attributes.add(new Attribute(AVAILABILITY_ZONE, availabilityZone, null, null));
        }
        return List.copyOf(attributes);
    }
}
