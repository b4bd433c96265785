package io.berth.gateway.write;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once replies can be received, so no acknowledged write is missed. */
@Readiness
@ApplicationScoped
public class CommandBusReadiness implements HealthCheck {

    private final CommandBus bus;

    public CommandBusReadiness(CommandBus bus) {
        this.bus = bus;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("command-replies").status(bus.isReady()).build();
    }
}
