package io.berth.projection.support;

import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.DeleteCluster;
import io.berth.core.command.DeleteService;
import io.berth.core.command.DeleteTaskDefinitions;
import io.berth.core.command.DeregisterContainerInstance;
import io.berth.core.command.DeregisterTaskDefinition;
import io.berth.core.command.ExpireStoppedTasks;
import io.berth.core.command.RegisterContainerInstance;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.command.ResetBoundary;
import io.berth.core.command.RunTask;
import io.berth.core.command.StopTask;
import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.command.TagResource;
import io.berth.core.command.UntagResource;
import io.berth.core.command.UpdateContainerInstancesState;
import io.berth.core.command.UpdateService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random but valid histories: random commands over a few clusters, services, families, container
 * instances and tasks are decided by core's deciders (rejected ones leave no trace), with service
 * events, agents' task reports, expiries and the occasional boundary reset mixed in. The same
 * seed gives the same history.
 */
public final class RandomHistory {

    private static final List<String> CLUSTERS = List.of("c0", "c1", "c2");
    private static final List<String> SERVICES = List.of("s0", "s1", "s2");
    private static final List<String> FAMILIES = List.of("web", "api", "job");
    private static final List<String> KEYS = List.of("k0", "k1", "k2", "k3");
    private static final List<String> REPORTED = List.of("PENDING", "RUNNING", "RUNNING", "STOPPED");

    private RandomHistory() {
    }

    /** Appends about {@code steps} random commands to the scenario. */
    public static Scenario extend(Scenario s, Random random, int steps) {
        for (int i = 0; i < steps; i++) {
            String c = pick(random, CLUSTERS);
            String svc = pick(random, SERVICES);
            String family = pick(random, FAMILIES);
            String revision = family + ":" + (1 + random.nextInt(4));
            int roll = random.nextInt(125);
            if (roll < 10) {
                s.attempt(CreateCluster.class, "{'clusterName':'" + c + "','tags':[{'key':'" + pick(random, KEYS)
                        + "','value':'v" + i + "'}]}");
            } else if (roll < 11) {
                s.attempt(DeleteCluster.class, "{'cluster':'" + c + "'}");
            } else if (roll < 18) {
                s.attempt(RegisterTaskDefinition.class, "{'family':'" + family + "','containerDefinitions':"
                        + "[{'name':'app','image':'busybox:" + i + "','memory':64}]}");
            } else if (roll < 21) {
                s.attempt(DeregisterTaskDefinition.class, "{'taskDefinition':'" + revision + "'}");
            } else if (roll < 23) {
                s.attempt(DeleteTaskDefinitions.class, "{'taskDefinitions':['" + revision + "']}");
            } else if (roll < 33) {
                s.attempt(CreateService.class, "{'cluster':'" + c + "','serviceName':'" + svc
                        + "','taskDefinition':'" + family + "','desiredCount':" + random.nextInt(4) + "}");
            } else if (roll < 43) {
                s.attempt(UpdateService.class, "{'cluster':'" + c + "','service':'" + svc + "','desiredCount':"
                        + random.nextInt(6) + "}");
            } else if (roll < 48) {
                s.attempt(UpdateService.class, "{'cluster':'" + c + "','service':'" + svc
                        + "','taskDefinition':'" + family + "'}");
            } else if (roll < 52) {
                s.attempt(DeleteService.class, "{'cluster':'" + c + "','service':'" + svc + "','force':true}");
            } else if (roll < 58) {
                s.settle(c, svc);
            } else if (roll < 80) {
                // Now and then a burst, so that some services pass the 100 events ECS keeps.
                int events = random.nextInt(8) == 0 ? 60 : 1;
                for (int e = 0; e < events && s.hasService(c, svc); e++) {
                    s.serviceEvent(c, svc, "(service " + svc + ") has reached a steady state. #" + i + "." + e);
                }
            } else if (roll < 88) {
                s.attempt(TagResource.class, "{'resourceArn':'" + resource(s, random, c, svc, revision)
                        + "','tags':[{'key':'" + pick(random, KEYS) + "','value':'v" + i + "'}]}");
            } else if (roll < 96) {
                s.attempt(UntagResource.class, "{'resourceArn':'" + resource(s, random, c, svc, revision)
                        + "','tagKeys':['" + pick(random, KEYS) + "']}");
            } else if (roll < 99) {
                s.attempt(new ResetBoundary(c));
            } else if (roll < 100) {
                s.attempt(new ResetBoundary(null));
            } else if (roll < 104) {
                s.attempt(RegisterContainerInstance.class, "{'cluster':'" + c + "','totalResources':["
                        + "{'name':'CPU','type':'INTEGER','integerValue':" + (1024 << random.nextInt(3)) + "},"
                        + "{'name':'MEMORY','type':'INTEGER','integerValue':" + (512 << random.nextInt(3)) + "}],"
                        + "'attributes':[{'name':'rack','value':'r" + random.nextInt(3) + "'}]}");
            } else if (roll < 110) {
                String started = random.nextBoolean() ? ",'startedBy':'batch-" + random.nextInt(3) + "'" : "";
                s.attempt(RunTask.class, "{'cluster':'" + c + "','taskDefinition':'" + family + "','count':"
                        + (1 + random.nextInt(3)) + started + "}");
            } else if (roll < 117) {
                pickAny(random, s.taskArns(c)).ifPresent(task -> s.attempt(new SubmitTaskStateChange(c, task,
                        pick(random, REPORTED), null, null, null, null, null, null)));
            } else if (roll < 119) {
                pickAny(random, s.taskArns(c)).ifPresent(task -> s.attempt(new StopTask(c, task, "random")));
            } else if (roll < 121) {
                pickAny(random, s.instanceArns(c)).ifPresent(instance -> s.attempt(new UpdateContainerInstancesState(c,
                        List.of(instance), random.nextBoolean() ? "DRAINING" : "ACTIVE")));
            } else if (roll < 123) {
                pickAny(random, s.instanceArns(c)).ifPresent(instance -> s.attempt(new DeregisterContainerInstance(c,
                        instance, true)));
            } else {
                s.attempt(new ExpireStoppedTasks(c, Instant.parse("2100-01-01T00:00:00Z")));
            }
        }
        return s;
    }

    private static String resource(Scenario s, Random random, String cluster, String service, String revision) {
        return switch (random.nextInt(3)) {
            case 0 -> s.clusterArn(cluster);
            case 1 -> s.serviceArn(cluster, service);
            default -> "arn:aws:ecs:" + Scenario.REGION + ":" + s.account() + ":task-definition/" + revision;
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of the values, if there are any. */
    private static <T> Optional<T> pickAny(Random random, List<T> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(pick(random, values));
    }
}
