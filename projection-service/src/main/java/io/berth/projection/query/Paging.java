package io.berth.projection.query;

import io.berth.core.error.EcsException;
import java.util.List;
import java.util.function.Function;

/** maxResults checks and the cutting of one page from a keyset query that fetched one row too many. */
public final class Paging {

    private Paging() {
    }

    /** {@code maxResults} as given, or the operation's default; out of 1-100 is an invalid parameter. */
    public static int maxResults(Integer given, int defaultValue) {
        if (given == null) {
            return defaultValue;
        }
        if (given < 1 || given > 100) {
            throw EcsException.invalidParameter("maxResults must be between 1 and 100.");
        }
        return given;
    }

    /** A page of at most {@code size} items from {@code size + 1} fetched rows, with the token for the rest. */
    public static <T> Page<T> cut(String operation, List<T> rows, int size, Function<T, List<String>> key) {
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        List<T> page = rows.subList(0, size);
        return new Page<>(page, PageToken.encode(operation, key.apply(page.get(size - 1))));
    }

    public record Page<T>(List<T> items, String nextToken) {
    }
}
