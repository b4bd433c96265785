package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static io.berth.e2e.support.Tasks.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.DockerEngine;
import io.berth.e2e.support.HttpProbe;
import io.berth.e2e.support.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Services on real containers, two agents, the AWS SDK: a service of four reaches a steady state;
 * a rolling update at 50/200 never has fewer than two healthy tasks (sampled continuously); a
 * version that crashes at once trips the circuit breaker, the service rolls back to the old
 * version and the deployment history says why; StopServiceDeployment rolls back a deployment that
 * never turns healthy; a killed container is replaced; draining an agent moves its tasks to the
 * other.
 */
@ExtendWith(BerthSystem.class)
class ServiceSchedulingE2ETest {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final String SERVE = "mkdir -p /www && echo \"$VERSION\" > /www/index.html"
            + " && exec httpd -f -p 8080 -h /www";

    private final EcsClient ecs = BerthSystem.ecs();
    private final List<String> services = new ArrayList<>();

    @BeforeEach
    void needsDocker() {
        DockerEngine.require();
    }

    @AfterEach
    void deleteServices() {
        for (String service : services) {
            ecs.deleteService(b -> b.cluster(CLUSTER).service(service).force(true));
        }
        awaitUntil(() -> services.isEmpty() || ecs.describeServices(b -> b.cluster(CLUSTER).services(services))
                .services().stream().allMatch(s -> s.status().equals("INACTIVE")), "services INACTIVE");
    }

    @Test
    void aRollingUpdateAt50And200NeverHasFewerThanTwoHealthyTasks() throws InterruptedException {
        String family = unique("roll");
        TaskDefinition v1 = web(family, "v1");
        String service = create(family, v1, 4, deployment(50, 200, false));
        awaitStable(service, v1.taskDefinitionArn());
        assertThat(servedVersions(service)).containsOnly("v1");

        List<Integer> healthySamples = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                healthySamples.add((int) live(service).stream().filter(ServiceSchedulingE2ETest::healthy).count());
            }
        });
        TaskDefinition v2 = web(family, "v2");
        sampler.start();
        ecs.updateService(b -> b.cluster(CLUSTER).service(service).taskDefinition(v2.taskDefinitionArn()));
        awaitStable(service, v2.taskDefinitionArn());
        sampling.set(false);
        sampler.join();

        assertThat(healthySamples).hasSizeGreaterThan(10);
        assertThat(Collections.min(healthySamples)).as("healthy tasks at any sample").isGreaterThanOrEqualTo(2);
        assertThat(servedVersions(service)).containsOnly("v2");
        assertThat(messages(service)).anyMatch(m -> m.endsWith("deployment completed."));
    }

    @Test
    void aVersionThatExitsAtOnceTripsTheBreakerAndTheServiceRollsBack() {
        String family = unique("breaker");
        TaskDefinition good = web(family, "good");
        String service = create(family, good, 4, deployment(50, 200, true));
        awaitStable(service, good.taskDefinitionArn());
        Set<String> goodTasks = arns(live(service));
        String goodDeployment = ecs.describeServices(b -> b.cluster(CLUSTER).services(service)).services().get(0)
                .deployments().get(0).id();

        TaskDefinition crashing = Tasks.register(ecs, family, NetworkMode.BRIDGE,
                Tasks.shell("web", "echo crashing; exit 1").stopTimeout(2));
        String crashingDeployment = ecs.updateService(b -> b.cluster(CLUSTER).service(service)
                .taskDefinition(crashing.taskDefinitionArn())).service().deployments().get(0).id();
        Service rolledBack = awaitService(service, s -> s.taskDefinition().equals(good.taskDefinitionArn())
                && s.deployments().size() == 1 && s.runningCount() == 4
                && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString()));

        assertThat(rolledBack.deployments().get(0).id()).as("the completed deployment is PRIMARY again")
                .isEqualTo(goodDeployment);
        assertThat(messages(service)).anyMatch(m -> m.endsWith("deployment failed, rolling back to deployment "
                + goodDeployment + "."));
        assertThat(live(service)).hasSize(4).allSatisfy(t -> assertThat(t.taskDefinitionArn())
                .isEqualTo(good.taskDefinitionArn()));
        assertThat(arns(live(service))).as("at least the two the bounds kept were never replaced")
                .containsAnyElementsOf(goodTasks);
        ServiceDeployment failed = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(
                ecs.listServiceDeployments(l -> l.cluster(CLUSTER).service(service)).serviceDeployments().stream()
                        .filter(d -> d.serviceDeploymentArn().endsWith(crashingDeployment.substring("ecs-svc/".length())))
                        .findFirst().orElseThrow().serviceDeploymentArn())).serviceDeployments().get(0);
        assertThat(failed.statusReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(failed.deploymentCircuitBreaker().statusAsString()).isEqualTo("TRIGGERED");
        assertThat(failed.deploymentCircuitBreaker().failureCount()).isGreaterThanOrEqualTo(3);
        assertThat(failed.statusAsString()).isIn("ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL");
    }

    @Test
    void stoppingADeploymentThatNeverTurnsHealthyRollsBackAndTheHistorySaysSo() {
        String family = unique("stop");
        TaskDefinition good = web(family, "good");
        String service = create(family, good, 2, deployment(100, 200, false));
        awaitStable(service, good.taskDefinitionArn());
        TaskDefinition sick = Tasks.register(ecs, family, NetworkMode.BRIDGE, webContainer("sick")
                .healthCheck(HealthCheck.builder().command("CMD-SHELL", "exit 1").interval(5).timeout(2).retries(1)
                        .startPeriod(0).build()));
        ecs.updateService(b -> b.cluster(CLUSTER).service(service).taskDefinition(sick.taskDefinitionArn()));
        String inProgress = ecs.listServiceDeployments(b -> b.cluster(CLUSTER).service(service)).serviceDeployments()
                .get(0).serviceDeploymentArn();

        ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(inProgress).stopType("ROLLBACK"));
        awaitStable(service, good.taskDefinitionArn());

        assertThat(live(service)).hasSize(2).allSatisfy(t -> assertThat(t.taskDefinitionArn())
                .isEqualTo(good.taskDefinitionArn()));
        awaitUntil(() -> ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(inProgress)).serviceDeployments()
                .get(0).statusAsString().equals("ROLLBACK_SUCCESSFUL"), "the stopped deployment ROLLBACK_SUCCESSFUL");
        assertThat(ecs.listServiceDeployments(b -> b.cluster(CLUSTER).service(service)).serviceDeployments())
                .extracting(d -> d.statusAsString()).containsExactly("ROLLBACK_SUCCESSFUL", "SUCCESSFUL");
    }

    @Test
    void aKilledContainerIsReplaced() {
        String family = unique("heal");
        TaskDefinition definition = web(family, "v1");
        String service = create(family, definition, 2, deployment(100, 200, false));
        awaitStable(service, definition.taskDefinitionArn());
        Task victim = live(service).get(0);
        Container container = Tasks.containersOf(victim.taskArn()).get(0);

        DockerEngine.client().killContainerCmd(container.getId()).exec();

        Task stopped = Tasks.awaitStopped(ecs, victim.taskArn());
        assertThat(stopped.stopCode().toString()).isEqualTo("EssentialContainerExited");
        awaitUntil(() -> live(service).stream().filter(t -> !t.taskArn().equals(victim.taskArn()))
                .filter(ServiceSchedulingE2ETest::healthy).count() == 2, "two healthy tasks again");
        assertThat(messages(service)).anyMatch(m -> m.contains("has started 1 tasks"));
    }

    @Test
    void drainingAnAgentMovesItsServiceTasksToTheOther() {
        String family = unique("drain");
        TaskDefinition definition = web(family, "v1");
        String service = create(family, definition, 4, deployment(50, 200, false));
        awaitStable(service, definition.taskDefinitionArn());
        List<String> instances = ecs.listContainerInstances(b -> b.cluster(CLUSTER)).containerInstanceArns();
        assertThat(live(service).stream().map(Task::containerInstanceArn).distinct()).as("spread").hasSize(2);
        String drained = instances.get(0);

        ecs.updateContainerInstancesState(b -> b.cluster(CLUSTER).containerInstances(drained)
                .status(ContainerInstanceStatus.DRAINING));
        try {
            awaitUntil(() -> {
                List<Task> tasks = live(service);
                return tasks.size() == 4 && tasks.stream().allMatch(t -> !t.containerInstanceArn().equals(drained)
                        && healthy(t));
            }, "all four tasks healthy off the drained instance");
            ContainerInstance instance = ecs.describeContainerInstances(b -> b.cluster(CLUSTER)
                    .containerInstances(drained)).containerInstances().get(0);
            assertThat(instance.status()).isEqualTo("DRAINING");
        } finally {
            ecs.updateContainerInstancesState(b -> b.cluster(CLUSTER).containerInstances(drained)
                    .status(ContainerInstanceStatus.ACTIVE));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private TaskDefinition web(String family, String version) {
        return Tasks.register(ecs, family, NetworkMode.BRIDGE, webContainer(version));
    }

    static ContainerDefinition.Builder webContainer(String version) {
        return Tasks.shell("web", SERVE).stopTimeout(2)
                .environment(e -> e.name("VERSION").value(version))
                .portMappings(PortMapping.builder().containerPort(8080).hostPort(0).build())
                .healthCheck(HealthCheck.builder().command("CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:8080/")
                        .interval(5).timeout(2).retries(1).startPeriod(0).build());
    }

    private static DeploymentConfiguration deployment(int min, int max, boolean breaker) {
        return DeploymentConfiguration.builder().minimumHealthyPercent(min).maximumPercent(max)
                .deploymentCircuitBreaker(b -> b.enable(breaker).rollback(breaker)).build();
    }

    private String create(String name, TaskDefinition definition, int count, DeploymentConfiguration configuration) {
        ecs.createService(b -> b.cluster(CLUSTER).serviceName(name).taskDefinition(definition.taskDefinitionArn())
                .desiredCount(count).deploymentConfiguration(configuration));
        services.add(name);
        return name;
    }

    private List<Task> live(String service) {
        List<String> arns = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(service)
                .desiredStatus(DesiredStatus.RUNNING)).taskArns();
        return arns.isEmpty() ? List.of() : ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks();
    }

    private static boolean healthy(Task task) {
        return "RUNNING".equals(task.lastStatus()) && task.healthStatus() == HealthStatus.HEALTHY;
    }

    private void awaitStable(String service, String taskDefinitionArn) {
        awaitService(service, s -> s.taskDefinition().equals(taskDefinitionArn) && s.deployments().size() == 1
                && s.runningCount() == s.desiredCount() && s.pendingCount() == 0
                && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString()));
    }

    private Service awaitService(String service, Predicate<Service> condition) {
        Service[] last = new Service[1];
        awaitUntil(() -> {
            last[0] = ecs.describeServices(b -> b.cluster(CLUSTER).services(service)).services().get(0);
            return condition.test(last[0]);
        }, "service " + service + " as expected");
        return last[0];
    }

    private List<String> messages(String service) {
        return ecs.describeServices(b -> b.cluster(CLUSTER).services(service)).services().get(0).events().stream()
                .map(ServiceEvent::message).toList();
    }

    /** What each live task's web server answers on its dynamic host port. */
    private List<String> servedVersions(String service) {
        return live(service).stream().map(t -> t.containers().get(0).networkBindings().get(0).hostPort())
                .map(port -> HttpProbe.get("http://127.0.0.1:" + port + "/").trim()).toList();
    }

    private static Set<String> arns(List<Task> tasks) {
        return tasks.stream().map(Task::taskArn).collect(Collectors.toSet());
    }

    private void awaitUntil(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String events = services.isEmpty() ? "" : String.join("\n", messages(services.get(0)));
                throw new AssertionError("not within " + DEADLINE + ": " + what + "\nservice events:\n" + events);
            }
            Tasks.sleep(Duration.ofMillis(500));
        }
    }
}
