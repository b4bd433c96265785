package io.berth.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.model.Failure;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Rows of placement tables: instances, a task, a count, and the expected outcome, written as the
 * instance ids tasks land on and the failures of those that do not. Rows whose outcome does not
 * hang on chance are checked under many seeds.
 */
final class PlacementRows {

    static final int SEEDS = 50;

    private PlacementRows() {
    }

    static Arguments row(String name, List<Instance> instances, Task task, int count, Expected expected) {
        return Arguments.of(Named.of(name, instances.stream().map(Instance::view).toList()), task.shape(), count,
                expected);
    }

    static List<Instance> instances(Instance... instances) {
        return Arrays.asList(instances);
    }

    static Expected placedOn(String... ids) {
        return new Expected(Arrays.asList(ids), List.of());
    }

    static Failure failure(String id, String reason) {
        return new Failure(id == null ? null : Instance.arn(id), reason, null);
    }

    /** Places under every seed and checks the outcome is {@code expected} each time. */
    static void assertPlacement(List<InstanceView> instances, TaskShape shape, int count, Expected expected) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            PlacementOutcome outcome = TaskPlacer.place(shape, count, instances, new Random(seed));
            assertThat(outcome.placedOn().stream().map(Instance::id).toList()).as("placements, seed %d", seed)
                    .isEqualTo(expected.placedOn());
            assertThat(outcome.failures()).as("failures, seed %d", seed).isEqualTo(expected.failures());
        }
    }

    /** The instance ids tasks land on, in order, then the failures of the rest. */
    record Expected(List<String> placedOn, List<Failure> failures) {

        Expected thenFail(int tasks, Failure failure) {
            return new Expected(placedOn, Stream.generate(() -> failure).limit(tasks).toList());
        }
    }
}
