package io.berth.core.placement.query;

/**
 * A problem at one position of an expression, raised while parsing; {@link ClusterQuery#parse}
 * words it, with the whole expression, as the ECS error. Like EcsException it is an answer, not a
 * fault, so it carries no stack trace.
 */
final class QueryError extends RuntimeException {

    private final int position;

    QueryError(int position, String problem) {
        super(problem, null, false, false);
        this.position = position;
    }

    /** Zero-based index into the expression. */
    int position() {
        return position;
    }
}
