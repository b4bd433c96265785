package io.berth.projection.support;

import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.command.UpdateService;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The stream the replay tests rebuild, in waves: a few accounts, each with clusters, task
 * definition revisions, services that are updated, scaled and deleted, a service with more than
 * 100 events, tags and untags, container instances that register, drain and leave, tasks placed
 * by RunTask and by services that run, stop and expire, boundary resets, and a seeded random tail
 * on top.
 */
public final class RealisticHistory {

    private RealisticHistory() {
    }

    /** The waves of events, to be appended one after another. */
    public static List<List<io.berth.core.event.EventEnvelope>> waves(long seed, int accounts) {
        Random random = new Random(seed);
        List<List<io.berth.core.event.EventEnvelope>> waves = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            scenarios.add(new Scenario(String.format("%012d", seed * 100 + a)));
        }
        for (Scenario s : scenarios) {
            s.request(CreateCluster.class, "{'clusterName':'prod','tags':[{'key':'env','value':'prod'}],"
                    + "'settings':[{'name':'containerInsights','value':'enabled'}]}")
                    .createCluster("staging")
                    .registerTaskDefinition("web")
                    .request(RegisterTaskDefinition.class, "{'family':'web','containerDefinitions':[{'name':'app',"
                            + "'image':'nginx:1.27','memory':128,'portMappings':[{'containerPort':80}]}],"
                            + "'tags':[{'key':'owner','value':'web-team'}]}")
                    .registerTaskDefinition("worker")
                    .request(CreateService.class, "{'cluster':'prod','serviceName':'web','taskDefinition':'web:1',"
                            + "'desiredCount':3,'tags':[{'key':'tier','value':'front'}]}")
                    .createService("prod", "worker", "worker")
                    .createService("staging", "web", "web")
                    .request(RegisterTaskDefinition.class, "{'family':'batch','containerDefinitions':[{'name':'app',"
                            + "'image':'busybox','cpu':256,'memory':128,'portMappings':["
                            + "{'containerPort':8080,'hostPort':8080},"
                            + "{'containerPort':53,'hostPort':5353,'protocol':'udp'}]}]}")
                    .registerInstance("prod", 2048, 4096, "eu-west-1a", "{'name':'stack','value':'blue'}")
                    .registerInstance("prod", 2048, 4096, "eu-west-1a", "")
                    .registerInstance("prod", 4096, 8192, "eu-west-1b", "{'name':'stack','value':'green'}")
                    .registerInstance("staging", 1024, 2048, "eu-west-1a", "")
                    // as the scheduler starts a service's tasks
                    .runTask("prod", "web", 3, "'group':'service:web'")
                    .runTask("staging", "web", 1, "'group':'service:web'")
                    .runTask("prod", "batch", 2, "'startedBy':'nightly','tags':[{'key':'job','value':'n1'}]");
        }
        waves.add(drainAll(scenarios));
        for (Scenario s : scenarios) {
            List<String> tasks = s.taskArns("prod");
            tasks.forEach(task -> s.report("prod", task, "RUNNING"));
            s.stopTask("prod", tasks.get(0))
                    .report("prod", tasks.get(0), "STOPPED")
                    .drain("prod", s.instanceArns("prod").get(1));
        }
        waves.add(drainAll(scenarios));
        for (Scenario s : scenarios) {
            s.request(UpdateService.class, "{'cluster':'prod','service':'web','taskDefinition':'web:2'}")
                    .scaleService("prod", "web", 5)
                    .tag(s.serviceArn("prod", "web"), "release", "42")
                    .tag(s.clusterArn("prod"), "cost-center", "7")
                    .untag(s.clusterArn("prod"), "env")
                    .deregisterTaskDefinition("web", 1);
            for (int i = 0; i < 130; i++) {
                s.serviceEvent("prod", "web", "(service web) has started 1 tasks: (task " + i + ").");
            }
        }
        waves.add(drainAll(scenarios));
        for (Scenario s : scenarios) {
            s.deleteService("prod", "worker")
                    .reset("staging")
                    .createCluster("staging")
                    .untag(s.taskDefinitionArn("web", 2), "owner")
                    .expireStoppedTasks("prod")
                    .deregisterInstance("prod", s.instanceArns("prod").get(2));
        }
        waves.add(drainAll(scenarios));
        for (int wave = 0; wave < 3; wave++) {
            for (Scenario s : scenarios) {
                RandomHistory.extend(s, random, 150);
            }
            waves.add(drainAll(scenarios));
        }
        return waves;
    }

    private static List<io.berth.core.event.EventEnvelope> drainAll(List<Scenario> scenarios) {
        List<io.berth.core.event.EventEnvelope> events = new ArrayList<>();
        scenarios.forEach(s -> events.addAll(s.drain()));
        return events;
    }
}
