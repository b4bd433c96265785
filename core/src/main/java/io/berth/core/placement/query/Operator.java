package io.berth.core.placement.query;

import java.util.Optional;

/**
 * The comparison operators, each spelled as a symbol and as a case-insensitive word. Every negative
 * operator is exactly the negation of its positive twin: {@code a != b} is {@code not(a == b)}, so an
 * instance without the subject satisfies {@code !=}, {@code not_in} and {@code not_matches}, and
 * {@code task:group != db} means "runs no task of group db".
 */
enum Operator {
    EQUALS("==", "equals", Arity.ONE),
    NOT_EQUALS("!=", "not_equals", Arity.ONE),
    GREATER_THAN(">", "greater_than", Arity.ONE),
    GREATER_THAN_EQUAL(">=", "greater_than_equal", Arity.ONE),
    LESS_THAN("<", "less_than", Arity.ONE),
    LESS_THAN_EQUAL("<=", "less_than_equal", Arity.ONE),
    EXISTS(null, "exists", Arity.NONE),
    NOT_EXISTS("!exists", "not_exists", Arity.NONE),
    IN(null, "in", Arity.LIST),
    NOT_IN("!in", "not_in", Arity.LIST),
    MATCHES("=~", "matches", Arity.ONE),
    NOT_MATCHES("!~", "not_matches", Arity.ONE);

    /** What follows the operator: nothing, one value, or a bracketed list of values. */
    enum Arity { NONE, ONE, LIST }

    private final String symbol;
    private final String word;
    private final Arity arity;

    Operator(String symbol, String word, Arity arity) {
        this.symbol = symbol;
        this.word = word;
        this.arity = arity;
    }

    static Optional<Operator> spelled(String text) {
        for (Operator operator : values()) {
            if (text.equalsIgnoreCase(operator.word) || text.equalsIgnoreCase(operator.symbol)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }

    Arity arity() {
        return arity;
    }

    Operator positive() {
        return switch (this) {
            case NOT_EQUALS -> EQUALS;
            case NOT_EXISTS -> EXISTS;
            case NOT_IN -> IN;
            case NOT_MATCHES -> MATCHES;
            default -> this;
        };
    }

    boolean negated() {
        return positive() != this;
    }

    /** Whether an ordering operator holds for {@code comparison}, the sign of comparing value to argument. */
    boolean holds(int comparison) {
        return switch (this) {
            case GREATER_THAN -> comparison > 0;
            case GREATER_THAN_EQUAL -> comparison >= 0;
            case LESS_THAN -> comparison < 0;
            case LESS_THAN_EQUAL -> comparison <= 0;
            default -> throw new IllegalStateException(this + " is not an ordering");
        };
    }
}
