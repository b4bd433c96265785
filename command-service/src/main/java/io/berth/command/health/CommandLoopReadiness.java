package io.berth.command.health;

import io.berth.command.writer.CommandLoop;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the command loop has joined its group and rebuilt the partitions it was given. */
@Readiness
@ApplicationScoped
public class CommandLoopReadiness implements HealthCheck {

    private final CommandLoop loop;

    public CommandLoopReadiness(CommandLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("command-loop").status(loop.isReady()).build();
    }
}
