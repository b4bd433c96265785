package io.berth.core.cluster;

import io.berth.core.command.ApplyServicePlan;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.Event;
import io.berth.core.event.ServiceDrained;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TaskCreated;
import io.berth.core.model.Cluster;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.core.model.ServiceEvent;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.core.placement.TaskShape;
import io.berth.core.scheduling.ServicePlan;
import io.berth.core.task.TaskNeeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Carries out a scheduler's {@link ServicePlan}, all of it or nothing: only at the generation it
 * was planned at (so nothing it relied on has changed; a plan without stops also across its
 * tasks' mere progress toward RUNNING) and only for tasks of the service that are still live.
 * Launches that no longer fit where the plan put them are placed again here (see
 * {@link #placements}). Records ECS's "has started" and
 * "has stopped" service events for what it did.
 */
final class ServicePlanApplication {

    private static final String SERVICE_SCHEDULER_INITIATED = "ServiceSchedulerInitiated";

    private ServicePlanApplication() {
    }

    static Decision decide(ClusterState state, ApplyServicePlan c, DecisionContext ctx) {
        ServicePlan plan = c.plan();
        Cluster cluster = ClusterDecider.activeCluster(state);
        Service service = state.service(plan.service()).map(ClusterState.ServiceEntry::service)
                .orElseThrow(EcsException::serviceNotFound);
        if (!current(state, plan)) {
            throw new EcsException(ErrorCode.CONFLICT_EXCEPTION, "The service changed since the plan was made "
                    + "(generation " + plan.generation() + ", now " + state.serviceGeneration(plan.service()) + ").");
        }
        List<Event> events = new ArrayList<>();
        List<String> stoppedIds = new ArrayList<>();
        for (ServicePlan.Stop stop : plan.stops()) {
            Task task = state.task(stop.taskArn()).filter(t -> t.group().equals(group(service)))
                    .filter(ServiceTasks::isLive)
                    .orElseThrow(() -> new EcsException(ErrorCode.CONFLICT_EXCEPTION,
                            "Task " + stop.taskArn() + " is not a live task of the service."));
            events.add(new TaskChanged(TaskTransitions.stopRequested(task, SERVICE_SCHEDULER_INITIATED, stop.reason(),
                    ctx.now())));
            stoppedIds.add(task.id());
        }
        Service after = plan.updated() == null ? service : stamped(service, plan.updated(), ctx);
        List<String> startedIds = new ArrayList<>();
        Map<String, Map<String, Integer>> perDeploymentAndInstance = new LinkedHashMap<>();
        plan.launches().forEach(l -> perDeploymentAndInstance.computeIfAbsent(l.deploymentId(), k -> new LinkedHashMap<>())
                .merge(l.containerInstanceArn(), 1, Integer::sum));
        for (var byDeployment : perDeploymentAndInstance.entrySet()) {
            Deployment deployment = after.deployments().stream().filter(d -> d.id().equals(byDeployment.getKey()))
                    .findFirst().orElseThrow(() -> EcsException.invalidParameter("The plan launches tasks of "
                            + byDeployment.getKey() + ", which is not a deployment of the service."));
            TaskDefinition definition = ctx.taskDefinitions().find(state.boundary().scope(),
                            io.berth.core.arn.TaskDefinitionRef.parse(state.boundary().scope(),
                                    deployment.taskDefinition()))
                    .orElseThrow(() -> EcsException.client("TaskDefinition not found."));
            TaskFactory.Launch launch = new TaskFactory.Launch(definition, null, group(service), deployment.id(),
                    deployment.networkConfiguration(), List.of(), service.enableExecuteCommand(),
                    TaskNeeds.of(definition, null));
            for (String arn : placements(state, after, ServicePlacement.shape(after, definition),
                    byDeployment.getValue(), plan.generation())) {
                ContainerInstance instance = state.instance(arn).orElseThrow();
                Task task = TaskFactory.create(state.boundary().scope(), cluster.clusterName(), cluster.clusterArn(),
                        instance, launch, ctx);
                events.add(new TaskCreated(task, launch.reservation(), null, null));
                startedIds.add(task.id());
            }
        }
        if (plan.updated() != null) {
            boolean drained = Service.DRAINING.equals(service.status()) && Service.INACTIVE.equals(after.status());
            events.add(drained ? new ServiceDrained(after) : new ServiceUpdated(after, null));
        }
        if (!startedIds.isEmpty()) {
            events.add(serviceEvent(service, ctx, ServiceMessages.started(service, startedIds)));
        }
        if (!stoppedIds.isEmpty()) {
            events.add(serviceEvent(service, ctx, ServiceMessages.stopped(service, stoppedIds)));
        }
        for (String message : plan.messages()) {
            events.add(serviceEvent(service, ctx, message));
        }
        return events.isEmpty() ? Decision.unchanged(Responses.empty()) : Decision.accepted(events, Responses.empty());
    }

    /**
     * Whether nothing the plan relied on changed: its generation is the service's, or the plan stops
     * nothing and only its tasks' progress toward RUNNING happened since (a stop chosen on an older
     * view could take a task that has since become healthy, so a plan with stops needs the exact
     * generation). The bookkeeping such a plan carries may be a few reports old; the next plan,
     * made on a newer view, brings it up to date.
     */
    private static boolean current(ClusterState state, ServicePlan plan) {
        return state.serviceGeneration(plan.service()) == plan.generation()
                || (plan.stops().isEmpty()
                        && state.structuralGeneration(plan.service()) == plan.structuralGeneration());
    }

    /**
     * Where the planned tasks go: where the plan put them when they all still fit there; otherwise
     * (the scheduler's view was behind — other work filled an instance meanwhile — or an instance
     * left) as many as fit, placed here on the cluster as it is, by the service's own constraints
     * and strategies. Refusing the plan instead left a service without tasks for as long as the
     * scheduler's view of the busiest instances stayed wrong: minutes in a 1,000-instance run.
     * DAEMON plans name their instances on purpose and are refused instead.
     */
    private static List<String> placements(ClusterState state, Service service, TaskShape shape,
            Map<String, Integer> planned, long generation) {
        List<String> asPlanned = new ArrayList<>();
        boolean allFit = true;
        for (var byInstance : planned.entrySet()) {
            Optional<ContainerInstance> instance = state.instance(byInstance.getKey());
            allFit = allFit && instance.isPresent()
                    && ServicePlacement.fits(state, shape, instance.get(), byInstance.getValue(), generation);
            for (int i = 0; i < byInstance.getValue(); i++) {
                asPlanned.add(byInstance.getKey());
            }
        }
        if (allFit) {
            return asPlanned;
        }
        if (ServiceValidation.DAEMON.equals(service.schedulingStrategy())) {
            throw new EcsException(ErrorCode.CONFLICT_EXCEPTION, "The tasks planned for the service's container "
                    + "instances no longer fit them.");
        }
        return ServicePlacement.place(state, shape, asPlanned.size(), generation).placedOn();
    }

    /** The plan's service, with {@code updatedAt} set on every deployment the plan changed. */
    private static Service stamped(Service before, Service planned, DecisionContext ctx) {
        if (!before.serviceArn().equals(planned.serviceArn())) {
            throw EcsException.invalidParameter("The plan's service is not " + before.serviceName() + ".");
        }
        List<Deployment> deployments = new ArrayList<>();
        for (Deployment d : planned.deployments()) {
            Deployment old = before.deployments().stream().filter(o -> o.id().equals(d.id())).findFirst().orElse(null);
            deployments.add(Objects.equals(old, d) ? d : d.withUpdatedAt(ctx.now()));
        }
        return planned.withDeployments(deployments);
    }

    private static String group(Service service) {
        return ClusterState.SERVICE_GROUP_PREFIX + service.serviceName();
    }

    private static ServiceEventRecorded serviceEvent(Service service, DecisionContext ctx, String message) {
        return new ServiceEventRecorded(service.serviceArn(), new ServiceEvent(ctx.ids().uuid(), ctx.now(), message));
    }
}
