package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static io.berth.e2e.support.Tasks.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.DockerEngine;
import io.berth.e2e.support.HttpProbe;
import io.berth.e2e.support.Tasks;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Network modes on a real engine: awsvpc gives each task its own address; none gives it no network. */
@ExtendWith(BerthSystem.class)
class NetworkModeE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();

    @BeforeEach
    void needsDocker() {
        DockerEngine.require();
    }

    @Test
    void awsvpcTasksGetTheirOwnAddressesAndServeTheSamePort() {
        TaskDefinition definition = Tasks.register(ecs, unique("vpc"), NetworkMode.AWSVPC,
                Tasks.shell("web", RunTaskE2ETest.WEB_SERVER).stopTimeout(2)
                        .portMappings(PortMapping.builder().containerPort(8080).build()));

        RunTaskResponse run = ecs.runTask(b -> b.cluster(CLUSTER).taskDefinition(definition.taskDefinitionArn())
                .count(2).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-local"))));
        assertThat(run.failures()).isEmpty();
        List<String> arns = run.tasks().stream().map(Task::taskArn).toList();
        List<Task> running = Tasks.awaitRunning(ecs, arns);

        List<String> addresses = running.stream().map(t -> {
            String address = t.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
            Attachment eni = t.attachments().get(0);
            assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
            assertThat(eni.status()).isEqualTo("ATTACHED");
            assertThat(eni.details()).contains(KeyValuePair.builder().name("subnetId").value("subnet-local").build(),
                    KeyValuePair.builder().name("privateIPv4Address").value(address).build());
            return address;
        }).toList();
        assertThat(addresses).doesNotHaveDuplicates().allSatisfy(a -> assertThat(a).matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
        for (String address : addresses) {
            assertThat(HttpProbe.get("http://" + address + ":8080/")).startsWith("hello from ");
        }

        arns.forEach(arn -> ecs.stopTask(b -> b.cluster(CLUSTER).task(arn)));
        List<Task> stopped = Tasks.awaitStopped(ecs, arns);
        assertThat(stopped).allSatisfy(t -> assertThat(Tasks.containersOf(t.taskArn()))
                .allSatisfy(c -> assertThat(c.getState()).isNotEqualTo("running")));
    }

    @Test
    void aTaskWithoutANetworkSeesOnlyLoopback() {
        String arn = Tasks.runOne(ecs, Tasks.register(ecs, unique("nonet"), NetworkMode.NONE,
                Tasks.shell("isolated", "ls /sys/class/net")));

        Task stopped = Tasks.awaitStopped(ecs, arn);

        assertThat(stopped.containers().get(0).exitCode()).isZero();
        assertThat(Tasks.dockerLogLines(arn, "isolated")).containsExactly("lo");
    }
}
