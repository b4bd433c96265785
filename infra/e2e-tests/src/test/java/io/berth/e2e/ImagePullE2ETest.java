package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static io.berth.e2e.support.Tasks.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.DockerEngine;
import io.berth.e2e.support.LocalRegistry;
import io.berth.e2e.support.Tasks;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Images the engine does not have are pulled: from a local registry named in the image, and for
 * ECR names from the registry the agents are configured to use in ECR's place.
 */
@ExtendWith(BerthSystem.class)
class ImagePullE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();
    private final DockerClient docker = DockerEngine.client();

    @BeforeEach
    void needsDocker() {
        DockerEngine.require();
    }

    @Test
    void missingImagesArePulledFromTheRegistryTheyNameOrTheOneStandingInForEcr() throws InterruptedException {
        try (LocalRegistry registry = LocalRegistry.start()) {
            String tag = unique("v");
            push(LocalRegistry.ADDRESS + "/berth/pulled", tag);
            push(LocalRegistry.ADDRESS + "/team/app", tag);
            String direct = LocalRegistry.ADDRESS + "/berth/pulled:" + tag;
            String ecr = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:" + tag;

            String directTask = run(direct);
            String ecrTask = run(ecr);
            List<Task> running = Tasks.awaitRunning(ecs, List.of(directTask, ecrTask));

            assertThat(running).allSatisfy(t -> {
                assertThat(t.pullStoppedAt()).isAfterOrEqualTo(t.pullStartedAt());
                assertThat(t.containers().get(0).lastStatus()).isEqualTo("RUNNING");
            });
            assertThat(running).extracting(t -> t.containers().get(0).image()).containsExactlyInAnyOrder(direct, ecr);
            assertThat(Tasks.inspect(Tasks.containersOf(ecrTask).get(0)).getConfig().getImage()).isEqualTo(ecr);
            for (String arn : List.of(directTask, ecrTask)) {
                ecs.stopTask(b -> b.cluster(CLUSTER).task(arn));
            }
            Tasks.awaitStopped(ecs, List.of(directTask, ecrTask));
            for (String image : List.of(direct, ecr, LocalRegistry.ADDRESS + "/team/app:" + tag)) {
                docker.removeImageCmd(image).withForce(true).exec();
            }
        }
    }

    /** Pushes the test image as repository:tag and removes the local tag, so only the registry has it. */
    private void push(String repository, String tag) throws InterruptedException {
        docker.tagImageCmd(DockerEngine.IMAGE, repository, tag).exec();
        assertThat(docker.pushImageCmd(repository).withTag(tag).exec(new ResultCallback.Adapter<>())
                .awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
        docker.removeImageCmd(repository + ":" + tag).exec();
        try {
            docker.inspectImageCmd(repository + ":" + tag).exec();
            throw new AssertionError(repository + ":" + tag + " is still present locally");
        } catch (NotFoundException expected) {
            // only the registry has it now
        }
    }

    private String run(String image) {
        return Tasks.runOne(ecs, Tasks.register(ecs, unique("pulled"), NetworkMode.BRIDGE,
                ContainerDefinition.builder().name("app").image(image).memory(32).command("sleep", "600")
                        .stopTimeout(2)));
    }
}
