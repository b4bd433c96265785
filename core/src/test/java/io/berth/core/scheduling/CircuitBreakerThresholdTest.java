package io.berth.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.model.ThresholdConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The breaker's threshold of ecs-semantics §5.3 for each kind of threshold configuration. */
class CircuitBreakerThresholdTest {

    @ParameterizedTest(name = "{0}: D={1} {2} {3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "default floor for one task, 1, -, -, 3",
            "default floor for six tasks, 6, -, -, 3",
            "default half rounded up, 7, -, -, 4",
            "default half of 25, 25, -, -, 13",
            "default ceiling, 400, -, -, 200",
            "default ceiling far above, 800, -, -, 200",
            "bounded percent as the default, 25, BOUNDED_PERCENT, 50, 13",
            "bounded percent floor, 4, BOUNDED_PERCENT, 10, 3",
            "bounded percent ceiling, 1000, BOUNDED_PERCENT, 90, 200",
            "bounded percent without a value takes 50, 10, BOUNDED_PERCENT, -, 5",
            "unbounded percent has no floor, 4, UNBOUNDED_PERCENT, 25, 1",
            "unbounded percent has no ceiling, 1000, UNBOUNDED_PERCENT, 50, 500",
            "unbounded percent of nothing still needs a failure, 0, UNBOUNDED_PERCENT, 50, 1",
            "count is taken as it is, 100, COUNT, 7, 7",
            "count of one, 100, COUNT, 1, 1"
    })
    void thresholds(String row, int desired, String type, Integer value, int threshold) {
        ThresholdConfiguration configuration = type == null ? null : new ThresholdConfiguration(type, value);

        assertThat(CircuitBreakerThreshold.of(desired, configuration)).as(row).isEqualTo(threshold);
    }
}
