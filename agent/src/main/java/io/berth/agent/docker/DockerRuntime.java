package io.berth.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.berth.agent.config.AgentConfig;
import io.berth.agent.plan.ObservedContainer;
import io.berth.core.model.NetworkBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Docker Engine API, as much of it as the agent uses, through docker-java. Every container it
 * lists is one labelled with this agent's name: other agents on the same engine are left alone.
 */
@ApplicationScoped
public class DockerRuntime {

    private final AgentConfig config;
    private final DockerClient docker;

    public DockerRuntime(AgentConfig config) {
        this.config = config;
        DefaultDockerClientConfig clientConfig = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(config.dockerHost()).build();
        this.docker = DockerClientImpl.getInstance(clientConfig, new ZerodepDockerHttpClient.Builder()
                .dockerHost(URI.create(config.dockerHost()))
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(5))
                .build());
    }

    public DockerClient client() {
        return docker;
    }

    public Info info() {
        return docker.infoCmd().exec();
    }

    /** This agent's containers, each with the labels that name its task and container. */
    public List<Container> ownContainers() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.AGENT, config.name())).exec();
    }

    /** What the planner needs to know of a container. */
    public ObservedContainer observe(String containerName, String dockerId) {
        InspectContainerResponse inspect = docker.inspectContainerCmd(dockerId).exec();
        InspectContainerResponse.ContainerState state = inspect.getState();
        String health = state.getHealth() == null ? null : state.getHealth().getStatus();
        Long exit = state.getExitCodeLong();
        boolean exited = "exited".equals(state.getStatus()) || "dead".equals(state.getStatus());
        return new ObservedContainer(containerName, dockerId, state.getStatus(),
                exited && exit != null ? exit.intValue() : null, health,
                Boolean.TRUE.equals(state.getOOMKilled()), state.getError(), bindings(inspect), address(inspect));
    }

    public boolean imagePresent(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Pulls an image (from the registry standing in for ECR, for ECR names) and tags it with the
     * name the task gives, so containers are created from that name. A failure (unknown image,
     * unreachable registry) is an exception with Docker's message.
     */
    public void pull(String image) throws InterruptedException {
        ImageReference source = ImageReference.pullSource(image, config.ecrRegistry());
        var pull = docker.pullImageCmd(source.repository());
        if (source.tag() != null) {
            pull.withTag(source.tag());
        }
        if (!pull.exec(new PullImageResultCallback()).awaitCompletion(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("pulling " + source.name() + " took more than 5 minutes");
        }
        ImageReference wanted = ImageReference.pullSource(image, Optional.empty());
        if (!wanted.name().equals(source.name()) && wanted.tag() != null) {
            docker.tagImageCmd(source.name(), wanted.repository(), wanted.tag()).exec();
        }
    }

    public String create(CreateContainerCmd command) {
        return command.exec().getId();
    }

    public CreateContainerCmd createCommand(String image) {
        return docker.createContainerCmd(image);
    }

    public void start(String dockerId) {
        try {
            docker.startContainerCmd(dockerId).exec();
        } catch (NotModifiedException alreadyStarted) {
            // started meanwhile: what was wanted
        }
    }

    public void stop(String dockerId, int timeoutSeconds) {
        try {
            docker.stopContainerCmd(dockerId).withTimeout(timeoutSeconds).exec();
        } catch (NotModifiedException | NotFoundException alreadyStopped) {
            // stopped or gone meanwhile: what was wanted
        }
    }

    public void remove(String dockerId) {
        try {
            docker.removeContainerCmd(dockerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException alreadyGone) {
            // removed meanwhile
        }
    }

    /** Follows a container's output (stdout and stderr, with timestamps) from {@code sinceSeconds}. */
    public Closeable followLogs(String dockerId, int sinceSeconds, Consumer<Frame> frames) {
        return docker.logContainerCmd(dockerId).withStdOut(true).withStdErr(true).withFollowStream(true)
                .withTimestamps(true).withSince(sinceSeconds)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        frames.accept(frame);
                    }
                });
    }

    private static List<NetworkBinding> bindings(InspectContainerResponse inspect) {
        List<NetworkBinding> bindings = new ArrayList<>();
        if (inspect.getNetworkSettings() == null || inspect.getNetworkSettings().getPorts() == null) {
            return bindings;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : inspect.getNetworkSettings().getPorts().getBindings()
                .entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            for (Ports.Binding binding : entry.getValue()) {
                if (binding.getHostPortSpec() == null || binding.getHostPortSpec().isEmpty()) {
                    continue;
                }
                String ip = binding.getHostIp() == null || binding.getHostIp().isEmpty() ? "0.0.0.0" : binding.getHostIp();
                if (ip.contains(":")) {
                    continue; // ECS reports the IPv4 binding
                }
                bindings.add(new NetworkBinding(ip, entry.getKey().getPort(), Integer.parseInt(binding.getHostPortSpec()),
                        entry.getKey().getProtocol().toString(), null, null));
            }
        }
        return bindings;
    }

    private String address(InspectContainerResponse inspect) {
        if (inspect.getNetworkSettings() == null || inspect.getNetworkSettings().getNetworks() == null) {
            return null;
        }
        ContainerNetwork network = inspect.getNetworkSettings().getNetworks().get(config.awsvpcNetwork());
        return network == null ? null : network.getIpAddress();
    }

    public void close() throws IOException {
        docker.close();
    }
}
