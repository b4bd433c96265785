package io.berth.core.cluster;

import static io.berth.core.fixture.AgentRequests.register;
import static io.berth.core.fixture.AgentRequests.report;
import static io.berth.core.fixture.AgentRequests.reregister;
import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.Command;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.DeregisterContainerInstance;
import io.berth.core.command.ExpireStoppedTasks;
import io.berth.core.command.RecordAgentConnectivity;
import io.berth.core.command.RunTask;
import io.berth.core.command.StartTask;
import io.berth.core.command.StopTask;
import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.command.UpdateContainerInstancesState;
import io.berth.core.decide.Decision;
import io.berth.core.event.ContainerInstanceChanged;
import io.berth.core.event.ContainerInstanceDeregistered;
import io.berth.core.event.ContainerInstanceRegistered;
import io.berth.core.event.Event;
import io.berth.core.event.TaskChanged;
import io.berth.core.event.TaskCreated;
import io.berth.core.event.TasksExpired;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Reservation;
import io.berth.core.model.Resource;
import io.berth.core.model.Task;
import io.berth.core.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random sequences of the commands of container instances and tasks — register, drain,
 * connectivity, deregister, RunTask, StartTask, StopTask, the agent's reports and expiry — over a
 * few instances, through the fixture (which checks after every step that replaying the log
 * rebuilds the live state), with the boundary's invariants checked after every step. A failure
 * names its seed; rerun just that seed with {@code -Dberth.seed=<seed>}.
 */
class TaskBoundaryPropertyTest {

    private static final int SEEDS = 150;
    private static final int STEPS = 70;
    private static final String CLUSTER = "yard";
    private static final int MAX_INSTANCES = 4;
    /** Families with static TCP, UDP and host-mode ports, an awsvpc one, and one that fills an instance. */
    private static final List<String> FAMILIES = List.of("web", "dns", "node", "vpc", "big", "web:1", "gone");
    private static final List<String> STATUSES = List.of(TaskStatus.PROVISIONING, TaskStatus.PENDING,
            TaskStatus.ACTIVATING, TaskStatus.RUNNING, TaskStatus.DEACTIVATING, TaskStatus.STOPPING,
            TaskStatus.DEPROVISIONING, TaskStatus.STOPPED);

    @Test
    void invariantsHoldAfterEveryCommandOfEverySequence() {
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
        BoundaryFixture fixture = BoundaryFixture.cluster(CLUSTER).withTaskDefinitions(new TaskDefinitions()
                .define("web", 1, "'networkMode':'bridge','containerDefinitions':[{'name':'app','image':'web',"
                        + "'cpu':256,'memory':512,'portMappings':[{'containerPort':80,'hostPort':8080},"
                        + "{'containerPort':81,'hostPort':0}]}]")
                .define("dns", 1, "'networkMode':'bridge','containerDefinitions':[{'name':'dns','image':'dns',"
                        + "'memory':128,'portMappings':[{'containerPort':53,'hostPort':5353,'protocol':'udp'}]}]")
                .define("node", 1, "'networkMode':'host','containerDefinitions':[{'name':'exporter','image':'node',"
                        + "'cpu':128,'memory':256,'portMappings':[{'containerPort':9100}]}]")
                .define("vpc", 1, "'networkMode':'awsvpc','containerDefinitions':[{'name':'app','image':'api',"
                        + "'cpu':512,'memory':128,'portMappings':[{'containerPort':80}]}]")
                .define("big", 1, "'networkMode':'bridge','cpu':'1024','memory':'1536',"
                        + "'containerDefinitions':[{'name':'app','image':'big'}]"))
                .given(request(CreateCluster.class, "{'clusterName':'" + CLUSTER + "'}"));
        Versions versions = new Versions();
        for (int step = 0; step < STEPS; step++) {
            Command command = randomCommand(random, fixture);
            try {
                Before before = Before.of(fixture);
                Decision decision = fixture.when(command);
                checkInvariants(fixture, decision, before, versions);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", step " + step + ", " + command + ": " + e.getMessage(),
                        e);
            }
            fixture.advance(Duration.ofSeconds(random.nextInt(120)));
        }
    }

    /** What the invariants compare against: the tasks and the log just before the command. */
    private record Before(Map<String, Task> tasks, int historySize) {

        static Before of(BoundaryFixture fixture) {
            Map<String, Task> tasks = new LinkedHashMap<>();
            fixture.clusterState().tasks().forEach(t -> tasks.put(t.taskArn(), t));
            return new Before(tasks, fixture.history().size());
        }
    }

    /** The last version the log recorded of each task and instance, to see every change raise it. */
    private static final class Versions {
        final Map<String, Long> tasks = new HashMap<>();
        final Map<String, Long> instances = new HashMap<>();

        void record(Map<String, Long> seen, String arn, long version, boolean first) {
            Long last = seen.get(arn);
            if (first && last == null) {
                assertThat(version).as("first version of %s", arn).isEqualTo(1);
            } else {
                assertThat(last).as("an earlier version of %s", arn).isNotNull();
                assertThat(version).as("version of %s", arn).isGreaterThan(last);
            }
            seen.put(arn, version);
        }
    }

    private static void checkInvariants(BoundaryFixture fixture, Decision decision, Before before, Versions versions) {
        ClusterState state = fixture.clusterState();

        if (!decision.isAccepted()) {
            assertThat(decision.events()).as("a rejected command's events").isEmpty();
            assertThat(fixture.history()).as("the log after a rejection").hasSize(before.historySize());
            return;
        }
        assertThat(fixture.history()).hasSize(before.historySize() + decision.events().size());

        for (Event event : decision.events()) {
            checkEvent(event, before, versions);
        }
        for (ContainerInstance instance : state.instances()) {
            checkInstance(state, instance);
        }
        for (Task task : state.tasks()) {
            checkTask(state, task, before.tasks().get(task.taskArn()));
        }
        long registered = state.instances().stream().filter(i -> !i.status().equals(ContainerInstance.INACTIVE))
                .count();
        assertThat(state.counts().registeredContainerInstances()).as("registered instances").isEqualTo(registered);
    }

    private static void checkEvent(Event event, Before before, Versions versions) {
        if (event instanceof TaskCreated e) {
            assertThat(e.task().lastStatus()).isEqualTo(TaskStatus.PROVISIONING);
            versions.record(versions.tasks, e.task().taskArn(), e.task().version(), true);
        } else if (event instanceof TaskChanged e) {
            versions.record(versions.tasks, e.task().taskArn(), e.task().version(), false);
        } else if (event instanceof ContainerInstanceRegistered e) {
            versions.record(versions.instances, e.containerInstance().containerInstanceArn(),
                    e.containerInstance().version(), true);
        } else if (event instanceof ContainerInstanceChanged e) {
            versions.record(versions.instances, e.containerInstance().containerInstanceArn(),
                    e.containerInstance().version(), false);
        } else if (event instanceof ContainerInstanceDeregistered e) {
            versions.record(versions.instances, e.containerInstance().containerInstanceArn(),
                    e.containerInstance().version(), false);
        } else if (event instanceof TasksExpired e) {
            for (String arn : e.taskArns()) {
                Task expired = before.tasks().get(arn);
                assertThat(expired).as("expired %s was known", arn).isNotNull();
                assertThat(expired.isStopped()).as("expired %s was stopped", arn).isTrue();
            }
        }
    }

    /** Reservations of the tasks not stopped fit the instance, and no static port is held twice. */
    private static void checkInstance(ClusterState state, ContainerInstance instance) {
        int cpu = 0;
        int memory = 0;
        Set<Integer> tcp = new HashSet<>(registeredPorts(instance, "PORTS"));
        Set<Integer> udp = new HashSet<>(registeredPorts(instance, "PORTS_UDP"));
        for (Task task : state.tasks()) {
            if (task.isStopped() || !instance.containerInstanceArn().equals(task.containerInstanceArn())) {
                continue;
            }
            assertThat(instance.status()).as("status of %s, which holds %s", instance.id(), task.id())
                    .isNotEqualTo(ContainerInstance.INACTIVE);
            Reservation reservation = state.reservation(task.taskArn());
            cpu += reservation.cpu();
            memory += reservation.memory();
            for (int port : reservation.tcpPorts()) {
                assertThat(tcp.add(port)).as("TCP port %s on %s held once", port, instance.id()).isTrue();
            }
            for (int port : reservation.udpPorts()) {
                assertThat(udp.add(port)).as("UDP port %s on %s held once", port, instance.id()).isTrue();
            }
        }
        assertThat(cpu).as("CPU reserved on %s", instance.id()).isLessThanOrEqualTo(instance.registered("CPU"));
        assertThat(memory).as("MEMORY reserved on %s", instance.id())
                .isLessThanOrEqualTo(instance.registered("MEMORY"));
    }

    private static Set<Integer> registeredPorts(ContainerInstance instance, String name) {
        Set<Integer> ports = new HashSet<>();
        instance.registeredResources().stream().filter(r -> r.name().equals(name))
                .map(Resource::stringSetValue).forEach(values -> values.forEach(p -> ports.add(Integer.parseInt(p))));
        return ports;
    }

    /** A task never moves back, never wants to run again once asked to stop, and holds nothing once stopped. */
    private static void checkTask(ClusterState state, Task task, Task earlier) {
        if (task.isStopped()) {
            assertThat(state.reservation(task.taskArn())).as("reservation of stopped %s", task.id())
                    .isEqualTo(Reservation.NONE);
            assertThat(task.desiredStatus()).isEqualTo(TaskStatus.STOPPED);
            assertThat(task.stoppedAt()).as("stoppedAt of %s", task.id()).isNotNull();
            assertThat(task.stopCode()).as("stopCode of %s", task.id()).isNotNull();
        } else {
            assertThat(state.reservation(task.taskArn())).as("reservation of %s", task.id())
                    .isNotEqualTo(Reservation.NONE);
        }
        if (earlier == null) {
            return;
        }
        assertThat(TaskStatus.rank(task.lastStatus())).as("%s: %s -> %s", task.id(), earlier.lastStatus(),
                task.lastStatus()).isGreaterThanOrEqualTo(TaskStatus.rank(earlier.lastStatus()));
        if (earlier.isStopped()) {
            assertThat(task).as("stopped %s is final", task.id()).isEqualTo(earlier);
        }
        if (earlier.desiredStatus().equals(TaskStatus.STOPPED)) {
            assertThat(task.desiredStatus()).as("desired status of %s", task.id()).isEqualTo(TaskStatus.STOPPED);
        }
        if (task.equals(earlier)) {
            return;
        }
        assertThat(task.version()).as("version of changed %s", task.id()).isGreaterThan(earlier.version());
        if (earlier.startedAt() != null) {
            assertThat(task.startedAt()).as("startedAt of %s", task.id()).isEqualTo(earlier.startedAt());
        }
    }

    // ---- random commands --------------------------------------------------------------------

    private static Command randomCommand(Random random, BoundaryFixture fixture) {
        ClusterState state = fixture.clusterState();
        List<ContainerInstance> instances = new ArrayList<>(state.instances());
        List<Task> tasks = new ArrayList<>(state.tasks());
        int roll = random.nextInt(100);
        if (roll < 10 || instances.isEmpty()) {
            return registration(random, instances);
        } else if (roll < 16) {
            List<String> named = List.of(instanceReference(random, instances), instanceReference(random, instances));
            return new UpdateContainerInstancesState(CLUSTER, named.subList(0, 1 + random.nextInt(2)),
                    pick(random, List.of("ACTIVE", "DRAINING", "ACTIVE", "DRAINING", "INACTIVE")));
        } else if (roll < 21) {
            return new RecordAgentConnectivity(CLUSTER, instanceReference(random, instances), random.nextInt(3) > 0);
        } else if (roll < 24) {
            return new DeregisterContainerInstance(CLUSTER, instanceReference(random, instances),
                    random.nextBoolean() ? Boolean.TRUE : null);
        } else if (roll < 44) {
            return runTask(random);
        } else if (roll < 50) {
            String family = pick(random, FAMILIES);
            return request(StartTask.class, "{'cluster':'" + CLUSTER + "','taskDefinition':'" + family + "'"
                    + network(random, family) + ",'containerInstances':['" + instanceReference(random, instances)
                    + "','" + instanceReference(random, instances) + "']}");
        } else if (roll < 58 && !tasks.isEmpty()) {
            return request(StopTask.class, "{'cluster':'" + CLUSTER + "','task':'" + taskReference(random, tasks)
                    + "'" + (random.nextBoolean() ? ",'reason':'scale in'" : "") + "}");
        } else if (roll < 95 && !tasks.isEmpty()) {
            return randomReport(random, tasks);
        }
        Instant cutOff = fixture.now().minus(Duration.ofMinutes(random.nextInt(30)));
        return new ExpireStoppedTasks(CLUSTER, cutOff);
    }

    /** A new host, or the agent of a known one registering again (now and then with other resources). */
    private static Command registration(Random random, List<ContainerInstance> instances) {
        if (instances.isEmpty() || (instances.size() < MAX_INSTANCES && random.nextBoolean())) {
            return register(CLUSTER, "i-" + random.nextInt(1000), pick(random, List.of("eu-west-1a", "eu-west-1b")),
                    pick(random, List.of(1024, 2048)), pick(random, List.of(2048, 3072)));
        }
        ContainerInstance known = pick(random, instances);
        int cpu = known.registered("CPU");
        int memory = known.registered("MEMORY");
        return random.nextInt(4) == 0 ? reregister(CLUSTER, known.containerInstanceArn(), cpu, memory / 2)
                : reregister(CLUSTER, known.containerInstanceArn(), cpu, memory);
    }

    private static RunTask runTask(Random random) {
        String token = random.nextInt(4) == 0 ? ",'clientToken':'token-" + random.nextInt(3) + "'" : "";
        String startedBy = random.nextInt(5) == 0 ? ",'startedBy':'" + pick(random, List.of("ci", "bad name")) + "'"
                : "";
        String family = pick(random, FAMILIES);
        int count = random.nextInt(10) == 0 ? pick(random, List.of(0, 11)) : 1 + random.nextInt(3);
        return request(RunTask.class, "{'cluster':'" + CLUSTER + "','taskDefinition':'" + family + "','count':"
                + count + network(random, family) + token + startedBy + "}");
    }

    /** A network configuration when the family is awsvpc, and the wrong way round now and then. */
    private static String network(Random random, String family) {
        boolean wrong = random.nextInt(8) == 0;
        return family.equals("vpc") != wrong
                ? ",'networkConfiguration':{'awsvpcConfiguration':{'subnets':['subnet-1']}}" : "";
    }

    /** Mostly a step forward, sometimes any status, now and then with a reason or container details. */
    private static SubmitTaskStateChange randomReport(Random random, List<Task> tasks) {
        Task task = pick(random, tasks);
        String status;
        if (random.nextInt(4) == 0) {
            status = pick(random, STATUSES);
        } else {
            int next = Math.min(TaskStatus.rank(task.lastStatus()) + 1 + random.nextInt(2), STATUSES.size() - 1);
            status = STATUSES.get(next);
        }
        StringBuilder members = new StringBuilder("'containers':[");
        if (random.nextBoolean()) {
            members.append("{'containerName':'").append(task.containers().get(0).name()).append("','status':'")
                    .append(status.equals(TaskStatus.STOPPED) ? "STOPPED" : "RUNNING").append("','exitCode':")
                    .append(random.nextInt(2)).append(",'healthStatus':'")
                    .append(pick(random, List.of("HEALTHY", "UNHEALTHY", "UNKNOWN"))).append("'}");
        }
        members.append("]");
        if (random.nextInt(3) == 0) {
            members.append(",'reason':'Essential container in task exited'");
        }
        return report(CLUSTER, taskReference(random, List.of(task)), status,
                members.toString());
    }

    /** An instance's ARN or id, or now and then one that does not exist. */
    private static String instanceReference(Random random, List<ContainerInstance> instances) {
        if (instances.isEmpty() || random.nextInt(10) == 0) {
            return "f".repeat(32);
        }
        ContainerInstance instance = pick(random, instances);
        return random.nextBoolean() ? instance.containerInstanceArn() : instance.id();
    }

    private static String taskReference(Random random, List<Task> tasks) {
        Task task = pick(random, tasks);
        return random.nextBoolean() ? task.taskArn() : task.id();
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
