package io.berth.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConsumerLoopTest {

    @Test
    void aFailedSessionIsFollowedByAFreshOneAndStopEndsTheLoop() throws Exception {
        AtomicInteger sessions = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch secondSessionRunning = new CountDownLatch(1);
        ConsumerLoop loop = new ConsumerLoop("test-loop", session -> {
            if (sessions.incrementAndGet() == 1) {
                throw new IllegalStateException("broker went away");
            }
            session.ready();
            secondSessionRunning.countDown();
            while (session.running()) {
                Thread.sleep(5);
            }
        }, Duration.ofMillis(10), failures::add);

        loop.start();
        assertThat(secondSessionRunning.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.isReady()).isTrue();
        assertThat(failures).singleElement().satisfies(f -> assertThat(f).hasMessage("broker went away"));

        loop.stop();
        assertThat(loop.isReady()).isFalse();
        assertThat(sessions.get()).isEqualTo(2);
    }
}
