package io.berth.projection.query;

import io.berth.core.error.EcsException;
import java.util.List;
import java.util.Set;

/** The {@code include} values a Describe operation accepts; anything else is an invalid parameter. */
final class Includes {

    private Includes() {
    }

    static Set<String> check(List<String> include, Set<String> allowed) {
        if (include == null) {
            return Set.of();
        }
        for (String value : include) {
            if (!allowed.contains(value)) {
                throw EcsException.invalidParameter("Invalid include value " + value + "; valid values are "
                        + allowed.stream().sorted().toList() + ".");
            }
        }
        return Set.copyOf(include);
    }
}
