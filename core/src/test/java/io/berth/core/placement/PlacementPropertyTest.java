package io.berth.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.model.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seeded random clusters and tasks: whatever the strategies, no instance is ever given more CPU,
 * memory or ports than it has, distinctInstance and memberOf always hold, only live ACTIVE instances
 * take tasks, and a task fails only when no instance could take it. The checks recompute each
 * instance's load from the outcome on their own rather than trusting the placer's bookkeeping. A
 * failure names its seed; rerun just that seed with {@code -Dberth.seed=<seed>}.
 */
class PlacementPropertyTest {

    private static final int SEEDS = 2000;
    private static final List<Integer> TCP_PORTS = List.of(80, 443, 8080);
    private static final List<Integer> UDP_PORTS = List.of(53, 123);
    private static final List<String> GROUPS = List.of("family:web", "service:api", "family:batch");
    private static final List<String> ZONES = List.of("a", "b", "c");
    private static final String ZONE = "ecs.availability-zone";
    private static final String MEMBER_OF = "attribute:ecs.availability-zone != c";
    private static final List<String[]> STRATEGIES = List.of(new String[] {"binpack", "cpu"},
            new String[] {"binpack", "memory"}, new String[] {"spread", "instanceId"},
            new String[] {"spread", "attribute:" + ZONE}, new String[] {"random", null});

    @Test
    void placementsNeverOvercommitAndNeverBreakAConstraint() {
        String only = System.getProperty("berth.seed");
        if (only != null) {
            run(Long.parseLong(only));
            return;
        }
        for (long seed = 1; seed <= SEEDS; seed++) {
            run(seed);
        }
    }

    private static void run(long seed) {
        Random random = new Random(seed);
        List<InstanceView> instances = new ArrayList<>();
        for (int i = random.nextInt(9); i > 0; i--) {
            instances.add(randomInstance(random, "i" + i));
        }
        Task task = randomTask(random);
        TaskShape shape = task.shape();
        int count = random.nextInt(11);
        PlacementOutcome outcome = TaskPlacer.place(shape, count, instances, new Random(random.nextLong()));
        try {
            check(instances, shape, count, outcome);
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ", " + count + " of " + shape + " on " + instances + " -> "
                    + outcome + ": " + e.getMessage(), e);
        }
    }

    private static void check(List<InstanceView> instances, TaskShape shape, int count, PlacementOutcome outcome) {
        assertThat(outcome.placedOn().size() + outcome.failures().size()).as("every task placed or failed")
                .isEqualTo(count);
        Map<String, Long> placed = outcome.placedOn().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Set<String> arns = instances.stream().map(InstanceView::arn).collect(Collectors.toSet());
        assertThat(arns).as("placed only on given instances").containsAll(placed.keySet());
        for (InstanceView instance : instances) {
            int tasks = placed.getOrDefault(instance.arn(), 0L).intValue();
            if (tasks > 0) {
                checkLoad(instance, shape, tasks);
            }
        }
        if (!outcome.failures().isEmpty()) {
            checkNothingFits(instances, shape, placed, outcome.failures());
        }
    }

    private static void checkLoad(InstanceView instance, TaskShape shape, int tasks) {
        String what = instance.arn() + " with " + tasks + " tasks";
        assertThat(live(instance)).as("%s is ACTIVE with its agent connected", what).isTrue();
        assertThat((long) tasks * shape.cpu()).as("CPU on %s", what).isLessThanOrEqualTo(instance.remainingCpu());
        assertThat((long) tasks * shape.memory()).as("memory on %s", what)
                .isLessThanOrEqualTo(instance.remainingMemory());
        if (!shape.tcpHostPorts().isEmpty()) {
            assertThat(tasks).as("one task per TCP host port on %s", what).isEqualTo(1);
            assertThat(instance.usedTcpPorts()).as("TCP ports free on %s", what)
                    .doesNotContainAnyElementsOf(shape.tcpHostPorts());
        }
        if (!shape.udpHostPorts().isEmpty()) {
            assertThat(tasks).as("one task per UDP host port on %s", what).isEqualTo(1);
            assertThat(instance.usedUdpPorts()).as("UDP ports free on %s", what)
                    .doesNotContainAnyElementsOf(shape.udpHostPorts());
        }
        if (hasConstraint(shape, "distinctInstance")) {
            assertThat(tasks).as("distinctInstance on %s", what).isEqualTo(1);
            assertThat(instance.taskGroups()).as("distinctInstance on %s", what).doesNotContain(shape.group());
        }
        if (hasConstraint(shape, "memberOf")) {
            assertThat(instance.attributes().get(ZONE)).as("memberOf on %s", what).isNotEqualTo("c");
        }
    }

    /** A failed task means no instance, loaded with what was placed, could have taken one more. */
    private static void checkNothingFits(List<InstanceView> instances, TaskShape shape, Map<String, Long> placed,
            List<Failure> failures) {
        assertThat(new HashSet<>(failures)).as("the failures are all the same").hasSize(1);
        Failure failure = failures.get(0);
        for (InstanceView instance : instances) {
            int tasks = placed.getOrDefault(instance.arn(), 0L).intValue();
            boolean fits = live(instance)
                    && instance.remainingCpu() - (long) tasks * shape.cpu() >= shape.cpu()
                    && instance.remainingMemory() - (long) tasks * shape.memory() >= shape.memory()
                    && (tasks == 0 || shape.tcpHostPorts().isEmpty())
                    && Collections.disjoint(instance.usedTcpPorts(), shape.tcpHostPorts())
                    && (tasks == 0 || shape.udpHostPorts().isEmpty())
                    && Collections.disjoint(instance.usedUdpPorts(), shape.udpHostPorts())
                    && (!hasConstraint(shape, "distinctInstance")
                            || tasks == 0 && !instance.taskGroups().contains(shape.group()))
                    && (!hasConstraint(shape, "memberOf") || !"c".equals(instance.attributes().get(ZONE)));
            assertThat(fits).as("%s could take another task, yet one failed", instance.arn()).isFalse();
        }
        boolean anyLive = instances.stream().anyMatch(PlacementPropertyTest::live);
        assertThat(failure.reason().equals(PlacementFailureReasons.AGENT)).as("AGENT exactly when no instance is live")
                .isEqualTo(!instances.isEmpty() && !anyLive);
        assertThat(failure.arn() == null).as("an ARN unless the cluster is empty").isEqualTo(instances.isEmpty());
    }

    private static boolean live(InstanceView instance) {
        return "ACTIVE".equals(instance.status()) && instance.agentConnected();
    }

    private static boolean hasConstraint(TaskShape shape, String type) {
        return shape.constraints().stream().anyMatch(constraint -> constraint.type().equals(type));
    }

    private static InstanceView randomInstance(Random random, String id) {
        Instance instance = Instance.named(id).cpu(random.nextInt(17) * 128).memory(random.nextInt(17) * 256);
        if (random.nextInt(10) >= 8) {
            instance.status(random.nextBoolean() ? "DRAINING" : "INACTIVE");
        }
        if (random.nextInt(10) == 0) {
            instance.disconnected();
        }
        TCP_PORTS.stream().filter(port -> random.nextInt(4) == 0).forEach(instance::tcp);
        UDP_PORTS.stream().filter(port -> random.nextInt(4) == 0).forEach(instance::udp);
        for (int i = random.nextInt(4); i > 0; i--) {
            instance.tasks(pick(random, GROUPS));
        }
        if (random.nextInt(5) != 0) {
            instance.az(pick(random, ZONES));
        }
        return instance.view();
    }

    private static Task randomTask(Random random) {
        Task task = Task.web().cpu(random.nextInt(9) * 128).memory(random.nextInt(9) * 256)
                .group(pick(random, GROUPS));
        TCP_PORTS.stream().filter(port -> random.nextInt(5) == 0).forEach(task::tcp);
        UDP_PORTS.stream().filter(port -> random.nextInt(5) == 0).forEach(task::udp);
        if (random.nextInt(3) == 0) {
            task.distinctInstance();
        }
        if (random.nextInt(3) == 0) {
            task.memberOf(MEMBER_OF);
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            String[] strategy = pick(random, STRATEGIES);
            task.strategy(strategy[0], strategy[1]);
        }
        return task;
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
