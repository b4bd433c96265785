package io.berth.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bounds of ecs-semantics §5.1: minimum rounded up, maximum rounded down. */
class RollingBoundsTest {

    @ParameterizedTest(name = "{0}: D={1} min={2}% max={3}% -> minHealthy {4}, maxTasks {5}")
    @CsvSource({
            // every row of the §5.1 table
            "start 4 new at once or stop 2 old first, 4, 50, 200, 2, 8",
            "start 4 new and stop old as new become healthy, 4, 100, 200, 4, 8",
            "no stop before start, 2, 75, 200, 2, 4",
            "stuck: neither start nor stop, 3, 100, 125, 3, 3",
            "batches of 5, 10, 100, 150, 10, 15",
            "stop then start (downtime), 1, 0, 100, 0, 1",
            // fence posts of the rounding
            "minimum rounds up from just above a whole task, 3, 34, 200, 2, 6",
            "minimum exactly a whole task, 4, 25, 200, 1, 8",
            "maximum rounds down from just below a whole task, 3, 100, 166, 3, 4",
            "maximum exactly a whole task, 3, 100, 167, 3, 5",
            "desired 0 needs nothing and allows nothing, 0, 100, 200, 0, 0",
            "one task at 50% still needs it healthy, 1, 50, 200, 1, 2",
            "one task at 100/199 can never add one, 1, 100, 199, 1, 1",
            "large counts do not overflow, 100000, 100, 200, 100000, 200000"
    })
    void boundsFollowTheTable(String row, int desired, int min, int max, int minHealthy, int maxTasks) {
        RollingBounds bounds = RollingBounds.of(desired, min, max);

        assertThat(bounds.minimumHealthy()).as(row).isEqualTo(minHealthy);
        assertThat(bounds.maximumTasks()).as(row).isEqualTo(maxTasks);
    }

    @Test
    void negativeInputsAreAProgrammingError() {
        assertThatThrownBy(() -> RollingBounds.of(-1, 100, 200)).isInstanceOf(IllegalArgumentException.class);
    }
}
