package io.berth.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The start-failure back-off of ecs-semantics §4.6: 10 s doubling, capped at 15 minutes. */
class StartBackoffTest {

    @ParameterizedTest(name = "{0}: after {1} failures wait {2} s")
    @CsvSource({
            "no failure no wait, 0, 0",
            "first failure, 1, 10",
            "second, 2, 20",
            "third, 3, 40",
            "seventh, 7, 640",
            "eighth reaches the cap, 8, 900",
            "far beyond stays at the cap, 1000, 900",
            "negative counts as none, -1, 0"
    })
    void waits(String row, int failures, long seconds) {
        assertThat(StartBackoff.after(failures)).as(row).isEqualTo(Duration.ofSeconds(seconds));
    }
}
