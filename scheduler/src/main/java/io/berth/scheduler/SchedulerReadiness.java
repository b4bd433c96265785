package io.berth.scheduler;

import io.berth.scheduler.fleet.FleetLoop;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the scheduler's loops consume the log. */
@Readiness
@ApplicationScoped
public class SchedulerReadiness implements HealthCheck {

    private final SchedulerLoop loop;
    private final FleetLoop fleet;

    public SchedulerReadiness(SchedulerLoop loop, FleetLoop fleet) {
        this.loop = loop;
        this.fleet = fleet;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("scheduler-loops").status(loop.isReady() && fleet.isReady()).build();
    }
}
