package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static io.berth.e2e.support.Tasks.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.DockerEngine;
import io.berth.e2e.support.Tasks;
import io.berth.infra.local.BerthStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The agents as container instances: what they register, how the control plane sees one go away
 * and come back, and that an agent restarted under a running task adopts its container instead of
 * starting another.
 */
@ExtendWith(BerthSystem.class)
class AgentE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();

    @BeforeEach
    void needsDocker() {
        DockerEngine.require();
    }

    @Test
    void eachAgentIsAnActiveConnectedContainerInstanceOfTheDefaultCluster() {
        List<ContainerInstance> instances = describeAll();

        assertThat(instances).hasSize(BerthSystem.AGENTS).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo("ACTIVE");
            assertThat(i.agentConnected()).isTrue();
            assertThat(i.versionInfo().dockerVersion()).startsWith("DockerVersion: ");
            assertThat(i.attributes()).extracting(Attribute::name).contains("ecs.os-type", "ecs.cpu-architecture",
                    "ecs.availability-zone");
            assertThat(resource(i.registeredResources(), "CPU").integerValue())
                    .isEqualTo(Runtime.getRuntime().availableProcessors() * 1024);
            assertThat(resource(i.registeredResources(), "MEMORY").integerValue()).isPositive();
        });
        assertThat(instances).extracting(i -> attribute(i, "ecs.availability-zone"))
                .containsExactlyInAnyOrder("local-1a", "local-1b");
        assertThat(ecs.listContainerInstances(b -> b.cluster(CLUSTER)
                .filter("attribute:ecs.availability-zone == local-1b")).containerInstanceArns())
                .containsExactly(instanceOf("local-1b").containerInstanceArn());
    }

    @Test
    void aRunningTaskReservesItsResourcesOnItsInstance() {
        ContainerInstance target = instanceOf("local-1a");
        int cpuBefore = resource(target.remainingResources(), "CPU").integerValue();
        int memoryBefore = resource(target.remainingResources(), "MEMORY").integerValue();
        TaskDefinition definition = Tasks.register(ecs, unique("reserve"), NetworkMode.BRIDGE,
                Tasks.shell("app", "exec sleep 600").stopTimeout(2).cpu(256).memory(48));

        String arn = ecs.startTask(b -> b.cluster(CLUSTER).taskDefinition(definition.taskDefinitionArn())
                .containerInstances(target.containerInstanceArn())).tasks().get(0).taskArn();
        Tasks.awaitRunning(ecs, List.of(arn));

        ContainerInstance busy = instanceOf("local-1a");
        assertThat(resource(busy.remainingResources(), "CPU").integerValue()).isEqualTo(cpuBefore - 256);
        assertThat(resource(busy.remainingResources(), "MEMORY").integerValue()).isEqualTo(memoryBefore - 48);
        assertThat(busy.runningTasksCount()).isPositive();

        ecs.stopTask(b -> b.cluster(CLUSTER).task(arn));
        Tasks.awaitStopped(ecs, arn);
        assertThat(resource(instanceOf("local-1a").remainingResources(), "CPU").integerValue()).isEqualTo(cpuBefore);
    }

    @Test
    void aRestartedAgentAdoptsItsRunningContainerAndReconnects() {
        ContainerInstance target = instanceOf("local-1b");
        TaskDefinition definition = Tasks.register(ecs, unique("adopt"), NetworkMode.BRIDGE,
                Tasks.shell("app", "exec sleep 600").stopTimeout(2));
        String arn = ecs.startTask(b -> b.cluster(CLUSTER).taskDefinition(definition.taskDefinitionArn())
                .containerInstances(target.containerInstanceArn())).tasks().get(0).taskArn();
        Tasks.awaitRunning(ecs, List.of(arn));
        String containerId = Tasks.containersOf(arn).get(0).getId();

        BerthStack stack = BerthSystem.stack();
        stack.service(BerthStack.AGENT + "-2").kill();
        awaitConnected(target.containerInstanceArn(), false);
        assertThat(Tasks.describe(ecs, arn).lastStatus()).isEqualTo("RUNNING");
        stack.restart(BerthStack.AGENT + "-2");
        awaitConnected(target.containerInstanceArn(), true);

        assertThat(describeAll()).extracting(ContainerInstance::containerInstanceArn)
                .contains(target.containerInstanceArn()).hasSize(BerthSystem.AGENTS);
        List<Container> containers = Tasks.containersOf(arn);
        assertThat(containers).extracting(Container::getId).containsExactly(containerId);
        assertThat(containers.get(0).getState()).isEqualTo("running");
        ecs.stopTask(b -> b.cluster(CLUSTER).task(arn).reason("after adoption"));
        Task stopped = Tasks.awaitStopped(ecs, arn);
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(137);
        assertThat(stopped.stoppedReason()).isEqualTo("after adoption");
    }

    private void awaitConnected(String instanceArn, boolean connected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (describe(instanceArn).agentConnected() != connected) {
            assertThat(System.nanoTime()).as("agentConnected=" + connected + " within 60 s").isLessThan(deadline);
            Tasks.sleep(Duration.ofMillis(500));
        }
    }

    private List<ContainerInstance> describeAll() {
        List<String> arns = ecs.listContainerInstances(b -> b.cluster(CLUSTER)).containerInstanceArns();
        return ecs.describeContainerInstances(b -> b.cluster(CLUSTER).containerInstances(arns)).containerInstances();
    }

    private ContainerInstance describe(String arn) {
        return ecs.describeContainerInstances(b -> b.cluster(CLUSTER).containerInstances(arn)).containerInstances()
                .get(0);
    }

    private ContainerInstance instanceOf(String zone) {
        return describeAll().stream().filter(i -> zone.equals(attribute(i, "ecs.availability-zone"))).findFirst()
                .orElseThrow();
    }

    private static String attribute(ContainerInstance instance, String name) {
        return instance.attributes().stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst()
                .orElse(null);
    }

    private static Resource resource(List<Resource> resources, String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
