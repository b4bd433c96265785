package io.berth.agent.run;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the host is registered and its assignment is followed. */
@Readiness
@ApplicationScoped
public class AgentReadiness implements HealthCheck {

    private final Agent agent;

    public AgentReadiness(Agent agent) {
        this.agent = agent;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("agent").status(agent.isReady())
                .withData("containerInstanceArn", String.valueOf(agent.instanceArn())).build();
    }
}
