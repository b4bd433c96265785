package io.berth.core.placement.query;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** Rows of the query tables: a name saying why, the expression, the instance, and whether it matches. */
final class QueryRows {

    private QueryRows() {
    }

    static Arguments row(String why, String expression, Host host, boolean matches) {
        return Arguments.of(Named.of(why + ": " + expression, expression), host, matches);
    }

    static Arguments row(String why, String expression, boolean matches) {
        return row(why, expression, Host.sample(), matches);
    }
}
