package io.berth.core.placement;

import io.berth.core.model.Failure;
import java.util.List;

/**
 * The result of placing a number of tasks.
 *
 * @param placedOn one instance ARN per placed task, in placement order
 * @param failures one per task that could not be placed, worded as RunTask's {@code failures[]}
 */
public record PlacementOutcome(List<String> placedOn, List<Failure> failures) {

    public PlacementOutcome {
        placedOn = List.copyOf(placedOn);
        failures = List.copyOf(failures);
    }
}
