package io.berth.projection.live;

import io.berth.core.log.Topics;
import io.berth.projection.apply.BatchApplier;
import io.berth.projection.config.ProjectionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;

/**
 * Follows the log in the serving mode: berth.events into the ECS views, and berth.logs into the
 * container logs, each on its own consumer, thread and consumer group (the configured group, and
 * that group with {@code -logs}). Kept apart, a flood of container output never delays the views
 * that reads wait for, and each topic's rebalances leave the other alone.
 */
@ApplicationScoped
public class LiveProjection {

    /** What the consumer group of berth.logs is called after the configured one. */
    public static final String LOGS_GROUP_SUFFIX = "-logs";

    private final KafkaConsumers consumers;
    private final BatchApplier applier;
    private final ProjectionConfig config;
    private List<TopicFollower> followers = List.of();

    public LiveProjection(KafkaConsumers consumers, BatchApplier applier, ProjectionConfig config) {
        this.consumers = consumers;
        this.applier = applier;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.mode() == ProjectionConfig.Mode.SERVE) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (!followers.isEmpty()) {
            return;
        }
        followers = List.of(
                new TopicFollower(Topics.EVENTS, () -> consumers.inGroup(config.groupId()), applier,
                        config.pollTimeout()),
                new TopicFollower(Topics.LOGS, () -> consumers.inGroup(config.groupId() + LOGS_GROUP_SUFFIX),
                        applier, config.pollTimeout()));
        followers.forEach(TopicFollower::start);
    }

    /** Stops following the log; returns once the batches in hand are applied or dropped. */
    public synchronized void stop() {
        followers.forEach(TopicFollower::stop);
        followers.forEach(follower -> follower.join(Duration.ofSeconds(30)));
        followers = List.of();
    }
}
