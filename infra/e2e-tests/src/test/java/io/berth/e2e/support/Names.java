package io.berth.e2e.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Unique resource names, so test classes sharing one system never collide. */
public final class Names {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);

    private Names() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }
}
