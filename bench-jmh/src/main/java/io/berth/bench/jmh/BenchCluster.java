package io.berth.bench.jmh;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import io.berth.core.cluster.ClusterDecider;
import io.berth.core.cluster.ClusterState;
import io.berth.core.cluster.ServicePlanner;
import io.berth.core.command.ApplyServicePlan;
import io.berth.core.command.Command;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.RegisterContainerInstance;
import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.RandomIdSource;
import io.berth.core.decide.TaskDefinitionLookup;
import io.berth.core.event.Event;
import io.berth.core.json.Json;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import io.berth.core.scheduling.ServicePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A cluster boundary's state built the way the command-service builds it — by deciding commands
 * and applying their events —: instances in three zones and one settled service whose tasks all
 * run, for the benchmarks of the scheduler's and the decider's hot paths.
 */
final class BenchCluster {

    static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    static final String NAME = "bench";
    static final String SERVICE = "api";
    static final TaskDefinition WEB = Json.read(("{'family':'web','revision':1,'networkMode':'bridge','compatibilities':['EC2'],"
            + "'containerDefinitions':[{'name':'app','image':'busybox','memory':64,'cpu':64}]}").replace('\'', '"'),
            TaskDefinition.class).registered(Arns.taskDefinition(SCOPE, "web", 1), 1, Instant.EPOCH, "bench");
    static final TaskDefinitionLookup DEFINITIONS = (scope, ref) -> Optional.of(WEB);

    final ClusterState state = new ClusterState(Boundary.cluster(SCOPE, NAME));
    Instant now = Instant.parse("2026-11-26T00:00:00Z");

    /** {@code instances} instances and a service of {@code tasks} RUNNING tasks, its deployment COMPLETED. */
    static BenchCluster settled(int instances, int tasks) {
        BenchCluster cluster = new BenchCluster();
        cluster.decide(read(CreateCluster.class, "{'clusterName':'" + NAME + "'}"));
        for (int i = 0; i < instances; i++) {
            cluster.decide(read(RegisterContainerInstance.class, "{'cluster':'" + NAME + "','instanceIdentityDocument':"
                    + "'{\\'instanceId\\':\\'i-" + i + "\\',\\'availabilityZone\\':\\'" + Fleet.ZONES[i % 3] + "\\'}',"
                    + "'totalResources':[{'name':'CPU','type':'INTEGER','integerValue':8192},"
                    + "{'name':'MEMORY','type':'INTEGER','integerValue':16384}],"
                    + "'versionInfo':{'agentVersion':'1.0.0','dockerVersion':'20.10.24'}}"));
        }
        cluster.decide(read(CreateService.class, "{'cluster':'" + NAME + "','serviceName':'" + SERVICE
                + "','taskDefinition':'web:1','desiredCount':" + tasks + "}"));
        cluster.settle();
        for (Task task : List.copyOf(cluster.state.tasks())) {
            cluster.decide(cluster.report(task));
        }
        cluster.now = cluster.now.plus(Duration.ofMinutes(1));
        cluster.settle();
        return cluster;
    }

    /** Applies the scheduler's plans until there is nothing left to do. */
    void settle() {
        for (ServicePlan plan = plan(); !plan.isEmpty(); plan = plan()) {
            decide(new ApplyServicePlan(NAME, plan));
        }
    }

    ServicePlan plan() {
        return ServicePlanner.plan(state, SERVICE, DEFINITIONS, now);
    }

    /** The agent's report of the task RUNNING. */
    SubmitTaskStateChange report(Task task) {
        return read(SubmitTaskStateChange.class, "{'cluster':'" + NAME + "','task':'" + task.taskArn()
                + "','status':'RUNNING','containers':[{'containerName':'app','status':'RUNNING'}]}");
    }

    Decision decideOnly(Command command) {
        return ClusterDecider.decide(state, command, context());
    }

    void decide(Command command) {
        Decision decision = decideOnly(command);
        if (decision.error() != null) {
            throw new IllegalStateException(command + ": " + decision.error());
        }
        for (Event event : decision.events()) {
            state.apply(event);
        }
    }

    private DecisionContext context() {
        return new DecisionContext(now, RandomIdSource.INSTANCE, DEFINITIONS, "bench");
    }

    static <T extends Command> T read(Class<T> type, String json) {
        return Json.read(json.replace('\'', '"'), type);
    }
}
