package io.berth.projection.support;

import java.util.concurrent.ThreadLocalRandom;

/** A fresh account id per test, so that tests sharing the application's database never see each other's rows. */
public final class Accounts {

    private Accounts() {
    }

    public static String fresh() {
        return String.format("%012d", ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }
}
