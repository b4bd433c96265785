package io.berth.projection.query;

import io.berth.core.log.Topics;
import io.berth.projection.config.ProjectionConfig;
import io.berth.projection.view.ProjectionOffsetView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Read-your-writes (design rule 6): holds a query until the views reflect the given positions of
 * a topic (berth.events for the ECS views, berth.logs for the container logs), i.e. each
 * partition's stored next offset is past the named offset. It polls the
 * offsets table, which every projection instance writes, so it works whichever instance owns the
 * partition. The wait is bounded by {@code berth.projection.read-wait}; past it the query is
 * answered from the views as they are, with a warning logged.
 */
@ApplicationScoped
public class PositionWait {

    private static final Logger LOG = Logger.getLogger(PositionWait.class);
    private static final long POLL_MILLIS = 15;

    private final ProjectionConfig config;
    private final Vertx vertx;

    public PositionWait(ProjectionConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    /** Waits for positions of berth.events. */
    public Uni<Void> await(Map<Integer, Long> minimum) {
        return await(Topics.EVENTS, minimum);
    }

    public Uni<Void> await(String topic, Map<Integer, Long> minimum) {
        if (minimum.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long deadline = System.nanoTime() + config.readWait().toNanos();
        return check(topic, minimum, deadline);
    }

    private Uni<Void> check(String topic, Map<Integer, Long> minimum, long deadline) {
        return Panache.withSession(() -> ProjectionOffsetView.<ProjectionOffsetView>list("topic", topic))
                .chain(rows -> {
                    if (reached(minimum, rows)) {
                        return Uni.createFrom().voidItem();
                    }
                    if (System.nanoTime() > deadline) {
                        LOG.warnf("answering without %s of %s: the views have not reached it within %s", minimum,
                                topic, config.readWait());
                        return Uni.createFrom().voidItem();
                    }
                    return pause().chain(() -> check(topic, minimum, deadline));
                });
    }

    private static boolean reached(Map<Integer, Long> minimum, List<ProjectionOffsetView> rows) {
        for (Map.Entry<Integer, Long> wanted : minimum.entrySet()) {
            boolean applied = rows.stream()
                    .anyMatch(row -> row.logPartition == wanted.getKey() && row.nextOffset > wanted.getValue());
            if (!applied) {
                return false;
            }
        }
        return true;
    }

    /** A pause on the caller's Vert.x context, where Hibernate Reactive must continue. */
    private Uni<Void> pause() {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(POLL_MILLIS, id -> emitter.complete(null)));
    }
}
