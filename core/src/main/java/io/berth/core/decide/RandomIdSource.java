package io.berth.core.decide;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Random ids: deployment ids are random positive longs, others random UUIDs. */
public final class RandomIdSource implements IdSource {

    public static final RandomIdSource INSTANCE = new RandomIdSource();

    private RandomIdSource() {
    }

    @Override
    public String deploymentId() {
        return "ecs-svc/" + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, Long.MAX_VALUE);
    }

    @Override
    public String uuid() {
        return UUID.randomUUID().toString();
    }

    @Override
    public long randomSeed() {
        return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public String hexId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
