package io.berth.projection.support;

import io.berth.core.command.CreateService;
import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.command.UpdateService;
import java.util.List;
import java.util.Random;

/**
 * Random but valid deployment histories: services with circuit breakers (tripping after one or two
 * failed tasks, with or without rollback) are updated to other task definitions, scaled and
 * settled by the scheduler's planner, while their tasks are reported RUNNING or fail to start —
 * so that deployments complete, fail, roll back, are superseded, and leave deployments[]. The
 * same seed gives the same history.
 */
public final class RandomDeployments {

    private static final String CLUSTER = "deploys";
    private static final List<String> SERVICES = List.of("d0", "d1");
    private static final int REVISIONS = 3;

    private RandomDeployments() {
    }

    /** Appends a cluster with one large instance, two services and about {@code steps} random steps. */
    public static Scenario extend(Scenario s, Random random, int steps) {
        s.createCluster(CLUSTER).registerInstance(CLUSTER, 16384, 32768, "eu-west-1a", "");
        for (int r = 0; r < REVISIONS; r++) {
            s.registerTaskDefinition("app");
        }
        for (String service : SERVICES) {
            s.request(CreateService.class, "{'cluster':'" + CLUSTER + "','serviceName':'" + service
                    + "','taskDefinition':'app:1','desiredCount':" + random.nextInt(3) + ","
                    + "'deploymentConfiguration':" + configuration(random) + "}");
        }
        for (int i = 0; i < steps; i++) {
            String service = SERVICES.get(random.nextInt(SERVICES.size()));
            int roll = random.nextInt(20);
            if (roll < 3) {
                s.attempt(UpdateService.class, "{'cluster':'" + CLUSTER + "','service':'" + service
                        + "','taskDefinition':'app:" + (1 + random.nextInt(REVISIONS)) + "'}");
            } else if (roll < 4) {
                s.attempt(UpdateService.class, "{'cluster':'" + CLUSTER + "','service':'" + service
                        + "','desiredCount':" + random.nextInt(4) + "}");
            } else if (roll < 5) {
                s.attempt(UpdateService.class, "{'cluster':'" + CLUSTER + "','service':'" + service
                        + "','deploymentConfiguration':" + configuration(random) + "}");
            } else if (roll < 12) {
                s.settle(CLUSTER, service);
            } else {
                List<String> tasks = s.taskArns(CLUSTER);
                if (!tasks.isEmpty()) {
                    String task = tasks.get(random.nextInt(tasks.size()));
                    s.attempt(new SubmitTaskStateChange(CLUSTER, task, random.nextInt(3) == 0 ? "STOPPED" : "RUNNING",
                            null, null, null, null, null, null));
                }
            }
        }
        return s;
    }

    private static String configuration(Random random) {
        return "{'deploymentCircuitBreaker':{'enable':" + (random.nextInt(4) > 0) + ",'rollback':"
                + random.nextBoolean() + ",'thresholdConfiguration':{'type':'COUNT','value':" + (1 + random.nextInt(2))
                + "}}}";
    }
}
