package io.berth.scheduler;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the scheduler consumes the event log. */
@Readiness
@ApplicationScoped
public class SchedulerReadiness implements HealthCheck {

    private final SchedulerLoop loop;

    public SchedulerReadiness(SchedulerLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("scheduler-loop").status(loop.isReady()).build();
    }
}
