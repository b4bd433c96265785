package io.berth.projection.support;

import io.berth.core.account.AccountState;
import io.berth.core.arn.Arns;
import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import io.berth.core.cluster.ServicePlanner;
import io.berth.core.command.ApplyServicePlan;
import io.berth.core.command.Command;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.DeleteCluster;
import io.berth.core.command.DeleteService;
import io.berth.core.command.DeregisterContainerInstance;
import io.berth.core.command.DeregisterTaskDefinition;
import io.berth.core.command.ExpireStoppedTasks;
import io.berth.core.command.RegisterContainerInstance;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.command.ResetBoundary;
import io.berth.core.command.RunTask;
import io.berth.core.command.StartTask;
import io.berth.core.command.StopTask;
import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.command.TagResource;
import io.berth.core.command.UntagResource;
import io.berth.core.command.UpdateContainerInstancesState;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.BoundaryState;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.IdSource;
import io.berth.core.event.Event;
import io.berth.core.event.EventEnvelope;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.json.Json;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.ServiceEvent;
import io.berth.core.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Realistic event streams for one account: commands, written as the JSON a client sends, are
 * decided by core's deciders against the boundaries' states, and the accepted events are wrapped
 * in envelopes as the command-service would. A fixed clock and counting ids make the stream the
 * same on every run.
 */
public final class Scenario {

    public static final String REGION = "eu-west-1";

    private final Scope scope;
    private final Map<String, BoundaryState> states = new HashMap<>();
    private final List<EventEnvelope> pending = new ArrayList<>();
    private final IdSource ids = new CountingIds();
    private Instant now = Instant.parse("2026-11-26T10:00:00.125Z");
    private long events;
    private long commands;

    public Scenario(String account) {
        this.scope = new Scope(account, REGION);
    }

    public Scope scope() {
        return scope;
    }

    public String account() {
        return scope.account();
    }

    public String clusterArn(String cluster) {
        return Arns.cluster(scope, cluster);
    }

    public String serviceArn(String cluster, String service) {
        return Arns.service(scope, cluster, service);
    }

    public String taskDefinitionArn(String family, int revision) {
        return Arns.taskDefinition(scope, family, revision);
    }

    public Scenario createCluster(String name) {
        return request(CreateCluster.class, "{'clusterName':'" + name + "'}");
    }

    public Scenario deleteCluster(String name) {
        return request(DeleteCluster.class, "{'cluster':'" + name + "'}");
    }

    public Scenario registerTaskDefinition(String family) {
        return request(RegisterTaskDefinition.class, "{'family':'" + family + "','containerDefinitions':"
                + "[{'name':'app','image':'busybox','memory':64,'essential':true}]}");
    }

    public Scenario deregisterTaskDefinition(String family, int revision) {
        return request(DeregisterTaskDefinition.class, "{'taskDefinition':'" + family + ":" + revision + "'}");
    }

    public Scenario createService(String cluster, String name, String taskDefinition) {
        return request(CreateService.class, "{'cluster':'" + cluster + "','serviceName':'" + name
                + "','taskDefinition':'" + taskDefinition + "','desiredCount':1}");
    }

    public Scenario scaleService(String cluster, String name, int desiredCount) {
        return request(UpdateService.class, "{'cluster':'" + cluster + "','service':'" + name
                + "','desiredCount':" + desiredCount + "}");
    }

    public Scenario deleteService(String cluster, String name) {
        return request(DeleteService.class, "{'cluster':'" + cluster + "','service':'" + name
                + "','force':true}");
    }

    public Scenario tag(String resourceArn, String key, String value) {
        return request(TagResource.class, "{'resourceArn':'" + resourceArn + "','tags':[{'key':'" + key
                + "','value':'" + value + "'}]}");
    }

    public Scenario untag(String resourceArn, String key) {
        return request(UntagResource.class, "{'resourceArn':'" + resourceArn + "','tagKeys':['" + key + "']}");
    }

    /**
     * Registers a container instance as an agent would: {@code cpu} units, {@code memory} MiB,
     * agent 1.80.0, in availability zone {@code zone}; {@code attributes} is the JSON of more
     * attributes (single quotes), or empty.
     */
    public Scenario registerInstance(String cluster, int cpu, int memory, String zone, String attributes) {
        return request(RegisterContainerInstance.class, "{'cluster':'" + cluster + "','totalResources':["
                + "{'name':'CPU','type':'INTEGER','integerValue':" + cpu + "},"
                + "{'name':'MEMORY','type':'INTEGER','integerValue':" + memory + "}],"
                + "'versionInfo':{'agentVersion':'1.80.0','dockerVersion':'20.10.24'},"
                + "'instanceIdentityDocument':'{\\'availabilityZone\\':\\'" + zone + "\\'}',"
                + "'attributes':[" + attributes + "]}");
    }

    /** RunTask of {@code count} tasks of the task definition, with more RunTask members (JSON, single quotes) if any. */
    public Scenario runTask(String cluster, String taskDefinition, int count, String more) {
        return request(RunTask.class, "{'cluster':'" + cluster + "','taskDefinition':'" + taskDefinition
                + "','count':" + count + (more.isEmpty() ? "" : "," + more) + "}");
    }

    /** StartTask of one task of the task definition on the named instance. */
    public Scenario startTask(String cluster, String taskDefinition, String instanceArn) {
        return request(StartTask.class, "{'cluster':'" + cluster + "','taskDefinition':'" + taskDefinition
                + "','containerInstances':['" + instanceArn + "']}");
    }

    /** The agent reports the task at {@code status} (RUNNING, STOPPED, ...). */
    public Scenario report(String cluster, String taskArn, String status) {
        return command(new SubmitTaskStateChange(cluster, taskArn, status, null, null, null, null, null, null));
    }

    public Scenario stopTask(String cluster, String taskArn) {
        return command(new StopTask(cluster, taskArn, "test"));
    }

    public Scenario drain(String cluster, String instanceArn) {
        return command(new UpdateContainerInstancesState(cluster, List.of(instanceArn), "DRAINING"));
    }

    public Scenario deregisterInstance(String cluster, String instanceArn) {
        return command(new DeregisterContainerInstance(cluster, instanceArn, true));
    }

    /** Forgets the cluster's tasks stopped before now. */
    public Scenario expireStoppedTasks(String cluster) {
        return command(new ExpireStoppedTasks(cluster, now.plusSeconds(1)));
    }

    /** The cluster's container instances, in registration order. */
    public List<String> instanceArns(String cluster) {
        return clusterState(cluster).instances().stream().map(ContainerInstance::containerInstanceArn).toList();
    }

    /** The cluster's tasks, in creation order. */
    public List<String> taskArns(String cluster) {
        return clusterState(cluster).tasks().stream().map(Task::taskArn).toList();
    }

    /** The task as the cluster boundary holds it. */
    public Task task(String cluster, String taskArn) {
        return clusterState(cluster).task(taskArn).orElseThrow();
    }

    /** Forgets a cluster boundary, or the account boundary when {@code cluster} is null. */
    public Scenario reset(String cluster) {
        return command(new ResetBoundary(cluster));
    }

    /** A message in the service's events[], as the scheduler records them. */
    public Scenario serviceEvent(String cluster, String service, String message) {
        ServiceEvent event = new ServiceEvent(ids.uuid(), now, message);
        return record(Boundary.cluster(scope, cluster), new ServiceEventRecorded(serviceArn(cluster, service), event));
    }

    /** Decides a command written as JSON (single quotes stand for double quotes); it must be accepted. */
    public <T extends Command> Scenario request(Class<T> type, String json) {
        return command(Json.read(json.replace('\'', '"'), type));
    }

    public Scenario command(Command command) {
        Decision decision = decide(command);
        if (!decision.isAccepted()) {
            throw new IllegalStateException(command + " was rejected: " + decision.error());
        }
        return this;
    }

    /** Decides a command and records its events if accepted; a rejection records nothing. */
    public boolean attempt(Command command) {
        return decide(command).isAccepted();
    }

    private Decision decide(Command command) {
        Boundary boundary = command.boundary(scope);
        BoundaryState state = state(boundary);
        now = now.plus(Duration.ofMillis(1500));
        commands++;
        Decision decision = state.decide(command, new DecisionContext(now, ids, this::taskDefinition,
                "arn:aws:iam::" + scope.account() + ":user/tester"));
        if (decision.isAccepted()) {
            for (Event event : decision.events()) {
                record(boundary, event);
            }
        }
        return decision;
    }

    /** Decides a command written as JSON (single quotes stand for double quotes), accepted or not. */
    public <T extends Command> boolean attempt(Class<T> type, String json) {
        return attempt(Json.read(json.replace('\'', '"'), type));
    }

    /** What the scheduler would ask for the service now, applied if the boundary accepts it. */
    public boolean settle(String cluster, String service) {
        return attempt(new ApplyServicePlan(cluster, ServicePlanner.plan(
                clusterState(cluster), service, this::taskDefinition, now)));
    }

    /** Time passes without any command (tasks count healthy 40 s after they started, for instance). */
    public Scenario advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** The service as the cluster boundary holds it. */
    public io.berth.core.model.Service service(String cluster, String name) {
        return clusterState(cluster).service(name).orElseThrow().service();
    }

    /** Whether the cluster boundary holds the service (in any status). */
    public boolean hasService(String cluster, String name) {
        return clusterState(cluster).service(name).isPresent();
    }

    private io.berth.core.cluster.ClusterState clusterState(String cluster) {
        return ((BoundaryState.ClusterBoundary) state(Boundary.cluster(scope, cluster))).state();
    }

    /** Takes the events decided since the last call. */
    public List<EventEnvelope> drain() {
        List<EventEnvelope> drained = List.copyOf(pending);
        pending.clear();
        return drained;
    }

    private Scenario record(Boundary boundary, Event event) {
        state(boundary).apply(event);
        events++;
        pending.add(EventEnvelope.wrap("evt-" + scope.account() + "-" + events, boundary.key(), scope.account(),
                scope.region(), now, "arn:aws:iam::" + scope.account() + ":user/tester",
                "corr-" + scope.account() + "-" + commands, "cmd-" + scope.account() + "-" + commands, event));
        return this;
    }

    private BoundaryState state(Boundary boundary) {
        return states.computeIfAbsent(boundary.key(), key -> BoundaryState.empty(boundary));
    }

    private Optional<io.berth.core.model.TaskDefinition> taskDefinition(Scope lookupScope,
            io.berth.core.arn.TaskDefinitionRef ref) {
        AccountState account = ((BoundaryState.AccountBoundary) state(Boundary.account(lookupScope))).state();
        return ref.revision().isPresent() ? account.revision(ref.family(), ref.revision().getAsInt())
                : account.latestActive(ref.family());
    }

    private static final class CountingIds implements IdSource {

        private long deployments = 4_000_000_000_000_000_000L;
        private long uuids;
        private long hexIds;

        @Override
        public String deploymentId() {
            return "ecs-svc/" + ++deployments;
        }

        @Override
        public String uuid() {
            return String.format("00000000-0000-4000-8000-%012d", ++uuids);
        }

        @Override
        public String hexId() {
            return String.format("%032x", ++hexIds);
        }

        /** Placement's random choices differ from decision to decision, the same on every run. */
        @Override
        public long randomSeed() {
            return hexIds;
        }
    }
}
