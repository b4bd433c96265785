package io.berth.agent.run;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.berth.agent.config.AgentConfig;
import io.berth.agent.docker.DockerRuntime;
import io.berth.agent.docker.Labels;
import io.berth.core.model.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The awsvpc network mode on Docker: each awsvpc task gets a small "pause" container on a Berth
 * network, with its own address; the task's containers join its network namespace, so they share
 * one IP (reported as the task's network interface) and never collide with other tasks' ports.
 * The pause image is built on the host from a static busybox, since no image can be pulled.
 */
final class PauseContainers {

    static final String IMAGE = "berth/pause:1";

    private final AgentConfig config;
    private final DockerRuntime docker;

    PauseContainers(AgentConfig config, DockerRuntime docker) {
        this.config = config;
        this.docker = docker;
    }

    /** The running pause container of a task, created (with its image and network) if needed. */
    String ensure(Task task, String existingId) throws IOException {
        if (existingId != null) {
            docker.start(existingId);
            return existingId;
        }
        ensureImage();
        ensureNetwork();
        String id = docker.create(docker.createCommand(IMAGE)
                .withName("berth-" + task.id() + "-pause")
                .withLabels(Map.of(Labels.AGENT, config.name(), Labels.TASK_ARN, task.taskArn(), Labels.PAUSE,
                        "true", Labels.CLUSTER, task.clusterArn()))
                .withCmd("/bin/busybox", "sleep", "2147483647")
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode(config.awsvpcNetwork())));
        docker.start(id);
        return id;
    }

    private void ensureNetwork() {
        boolean exists = !docker.client().listNetworksCmd().withNameFilter(config.awsvpcNetwork()).exec().stream()
                .filter(n -> n.getName().equals(config.awsvpcNetwork())).toList().isEmpty();
        if (!exists) {
            docker.client().createNetworkCmd().withName(config.awsvpcNetwork()).withDriver("bridge")
                    .withLabels(Map.of(Labels.AGENT, "shared")).exec();
        }
    }

    private synchronized void ensureImage() throws IOException {
        try {
            docker.client().inspectImageCmd(IMAGE).exec();
            return;
        } catch (NotFoundException missing) {
            // build it below
        }
        Path busybox = Path.of(config.pauseBinary());
        if (!Files.isRegularFile(busybox)) {
            throw new IOException("awsvpc tasks need the pause image " + IMAGE + ", built from a static busybox at "
                    + busybox + ", which is missing (install busybox-static or set berth.agent.pause-binary)");
        }
        Path context = Files.createTempDirectory("berth-pause");
        try {
            Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n");
            Files.copy(busybox, context.resolve("busybox"));
            docker.client().buildImageCmd(context.toFile()).withTags(Set.of(IMAGE))
                    .exec(new BuildImageResultCallback()).awaitImageId();
        } finally {
            Files.deleteIfExists(context.resolve("Dockerfile"));
            Files.deleteIfExists(context.resolve("busybox"));
            Files.deleteIfExists(context);
        }
    }
}
