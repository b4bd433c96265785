package io.berth.agent.run;

import io.berth.agent.config.AgentConfig;
import io.berth.agent.docker.DockerRuntime;
import io.berth.agent.gateway.GatewayClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The agent's life: register the host (retrying until Berth answers), then heartbeat, long-poll the
 * assignment, and keep Docker in step with it, until stopped. Containers are left running when
 * the agent stops: a restarted agent adopts them.
 */
@ApplicationScoped
public class Agent {

    private static final Logger LOG = Logger.getLogger(Agent.class);

    private final AgentConfig config;
    private final DockerRuntime docker;
    private final GatewayClient gateway;
    private final Identity identity;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "berth-agent-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile Supervisor supervisor;
    private volatile Assignments assignments;
    private volatile boolean ready;

    public Agent(AgentConfig config, DockerRuntime docker, GatewayClient gateway, Identity identity) {
        this.config = config;
        this.docker = docker;
        this.gateway = gateway;
        this.identity = identity;
    }

    void onStart(@Observes StartupEvent event) {
        Thread starter = new Thread(this::start, "berth-agent-start");
        starter.setDaemon(true);
        starter.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        timers.shutdownNow();
        if (assignments != null) {
            assignments.stop();
        }
        if (supervisor != null) {
            supervisor.logs().flush();
            supervisor.stop();
        }
    }

    /** Registered, and following its assignment. */
    public boolean isReady() {
        return ready;
    }

    public String instanceArn() {
        return identity.instanceArn();
    }

    private void start() {
        long pause = 500;
        while (identity.instanceArn() == null) {
            try {
                LOG.infof("registered as %s", identity.register());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warnf("registration failed (%s); retrying in %d ms", e.getMessage(), pause);
                sleep(pause);
                pause = Math.min(pause * 2, 10_000);
            }
        }
        String instance = identity.instanceArn();
        supervisor = new Supervisor(config, docker, gateway);
        assignments = new Assignments(gateway, instance, desired -> {
            supervisor.assign(desired);
            ready = true;
        });
        timers.scheduleAtFixedRate(this::heartbeat, 0, config.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleAtFixedRate(supervisor.logs()::flush, 1, 1, TimeUnit.SECONDS);
        Thread poller = new Thread(assignments, "berth-agent-assignments");
        poller.setDaemon(true);
        poller.start();
        Thread reconciler = new Thread(supervisor, "berth-agent-supervisor");
        reconciler.setDaemon(true);
        reconciler.start();
    }

    private void heartbeat() {
        try {
            gateway.post("/heartbeat", Map.of("cluster", config.cluster(), "containerInstanceArn",
                    identity.instanceArn()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("heartbeat failed: %s", e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
