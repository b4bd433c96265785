package io.berth.core.placement.query;

import io.berth.core.error.EcsException;
import java.util.function.Predicate;

/**
 * A parsed expression of the ECS cluster query language (ecs-semantics §4.2), as used by
 * {@code memberOf} placement constraints and the {@code ListContainerInstances} filter, e.g.
 * {@code attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d}.
 * Immutable; parse once, match many instances.
 */
public final class ClusterQuery {

    private final String expression;
    private final Predicate<QuerySubject> condition;

    private ClusterQuery(String expression, Predicate<QuerySubject> condition) {
        this.expression = expression;
        this.condition = condition;
    }

    /** @throws EcsException InvalidParameterException naming the problem and its (one-based) position */
    public static ClusterQuery parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw EcsException.invalidParameter("The cluster query expression is empty.");
        }
        try {
            return new ClusterQuery(expression, new QueryParser(expression).parse());
        } catch (QueryError error) {
            throw EcsException.invalidParameter("Invalid cluster query expression '" + expression + "': "
                    + error.getMessage() + " at position " + (error.position() + 1) + ".");
        }
    }

    public boolean matches(QuerySubject subject) {
        return condition.test(subject);
    }

    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
