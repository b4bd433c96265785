package io.berth.projection.query;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.model.ClusterCounts;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.Service;
import io.berth.core.model.TaskStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counts DescribeClusters shows, computed from the views when described (ecs-semantics §3.1):
 * ACTIVE services, ACTIVE and DRAINING container instances, RUNNING tasks and pending ones (not
 * stopped, before RUNNING), the services and tasks split by EC2 and Fargate for the statistics.
 */
final class ClusterTallies {

    /** One cluster's counts. A service or task counts as Fargate only with launch type FARGATE. */
    static final class Tally {

        private int activeEc2Services;
        private int activeFargateServices;
        private int drainingEc2Services;
        private int drainingFargateServices;
        private int registeredInstances;
        private int runningEc2Tasks;
        private int runningFargateTasks;
        private int pendingEc2Tasks;
        private int pendingFargateTasks;

        private void addServices(String status, String launchType, int count) {
            boolean fargate = "FARGATE".equals(launchType);
            if (Service.ACTIVE.equals(status)) {
                if (fargate) {
                    activeFargateServices += count;
                } else {
                    activeEc2Services += count;
                }
            } else if (fargate) {
                drainingFargateServices += count;
            } else {
                drainingEc2Services += count;
            }
        }

        /** Tasks past RUNNING but not yet STOPPED (DEACTIVATING, STOPPING, ...) are neither running nor pending. */
        private void addTasks(String lastStatus, String launchType, int count) {
            boolean fargate = "FARGATE".equals(launchType);
            if (TaskStatus.RUNNING.equals(lastStatus)) {
                if (fargate) {
                    runningFargateTasks += count;
                } else {
                    runningEc2Tasks += count;
                }
            } else if (TaskStatus.rank(lastStatus) < TaskStatus.rank(TaskStatus.RUNNING)) {
                if (fargate) {
                    pendingFargateTasks += count;
                } else {
                    pendingEc2Tasks += count;
                }
            }
        }

        ClusterCounts counts() {
            return new ClusterCounts(registeredInstances, runningEc2Tasks + runningFargateTasks,
                    pendingEc2Tasks + pendingFargateTasks, activeEc2Services + activeFargateServices);
        }

        List<KeyValuePair> statistics() {
            return List.of(
                    new KeyValuePair("runningEC2TasksCount", String.valueOf(runningEc2Tasks)),
                    new KeyValuePair("runningFargateTasksCount", String.valueOf(runningFargateTasks)),
                    new KeyValuePair("pendingEC2TasksCount", String.valueOf(pendingEc2Tasks)),
                    new KeyValuePair("pendingFargateTasksCount", String.valueOf(pendingFargateTasks)),
                    new KeyValuePair("activeEC2ServiceCount", String.valueOf(activeEc2Services)),
                    new KeyValuePair("activeFargateServiceCount", String.valueOf(activeFargateServices)),
                    new KeyValuePair("drainingEC2ServiceCount", String.valueOf(drainingEc2Services)),
                    new KeyValuePair("drainingFargateServiceCount", String.valueOf(drainingFargateServices)));
        }
    }

    private ClusterTallies() {
    }

    /** The tally of each named cluster of the scope; a cluster with nothing to count has an empty one. */
    static Uni<Map<String, Tally>> of(Scope scope, Set<String> clusterNames) {
        Map<String, Tally> tallies = new HashMap<>();
        Map<String, Tally> byArn = new HashMap<>();
        for (String name : clusterNames) {
            Tally tally = new Tally();
            tallies.put(name, tally);
            byArn.put(Arns.cluster(scope, name), tally);
        }
        if (clusterNames.isEmpty()) {
            return Uni.createFrom().item(tallies);
        }
        List<String> names = List.copyOf(clusterNames);
        List<String> arns = List.copyOf(byArn.keySet());
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select s.clusterName, s.status, s.launchType, count(s) from ServiceView s"
                        + " where s.account = ?1 and s.region = ?2 and s.clusterName in ?3"
                        + " and s.status in ('ACTIVE', 'DRAINING')"
                        + " group by s.clusterName, s.status, s.launchType", Object[].class)
                .setParameter(1, scope.account())
                .setParameter(2, scope.region())
                .setParameter(3, names)
                .getResultList()
                .invoke(rows -> rows.forEach(row -> tallies.get((String) row[0])
                        .addServices((String) row[1], (String) row[2], count(row[3]))))
                .chain(() -> session.createSelectionQuery(
                        "select i.clusterArn, count(i) from ContainerInstanceView i"
                                + " where i.clusterArn in ?1 and i.status in ('" + ContainerInstance.ACTIVE + "', '"
                                + ContainerInstance.DRAINING + "') group by i.clusterArn", Object[].class)
                        .setParameter(1, arns)
                        .getResultList())
                .invoke(rows -> rows.forEach(row -> byArn.get((String) row[0]).registeredInstances = count(row[1])))
                // The literal 'STOPPED' (not a parameter) lets the planner use the partial index of live tasks.
                .chain(() -> session.createSelectionQuery(
                        "select t.clusterArn, t.lastStatus, t.launchType, count(t) from TaskView t"
                                + " where t.clusterArn in ?1 and t.lastStatus <> 'STOPPED'"
                                + " group by t.clusterArn, t.lastStatus, t.launchType", Object[].class)
                        .setParameter(1, arns)
                        .getResultList())
                .invoke(rows -> rows.forEach(row -> byArn.get((String) row[0])
                        .addTasks((String) row[1], (String) row[2], count(row[3]))))
                .map(rows -> tallies));
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }
}
