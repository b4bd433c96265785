package io.berth.core.placement.query;

import static io.berth.core.placement.query.Operator.EQUALS;
import static io.berth.core.placement.query.Operator.GREATER_THAN;
import static io.berth.core.placement.query.Operator.GREATER_THAN_EQUAL;
import static io.berth.core.placement.query.Operator.IN;
import static io.berth.core.placement.query.Operator.LESS_THAN;
import static io.berth.core.placement.query.Operator.LESS_THAN_EQUAL;
import static io.berth.core.placement.query.Operator.MATCHES;
import static io.berth.core.placement.query.Operator.NOT_EQUALS;
import static io.berth.core.placement.query.Operator.NOT_IN;
import static io.berth.core.placement.query.Operator.NOT_MATCHES;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One subject of the language: the values it reads from an instance, their kind, and the operators
 * AWS lists as valid for it ("Cluster query language"; attributes and task groups take every
 * operator). A subject may have several values ({@code task:group}, one per task): a positive
 * operator holds when any value satisfies it.
 */
final class Subject<T> {

    static final String NAMES = "agentConnected, agentVersion, attribute:<name>, ec2InstanceId, registeredAt, "
            + "runningTasksCount or task:group";

    private static final String ATTRIBUTE = "attribute:";
    private static final Set<Operator> EQUALITY = EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, MATCHES, NOT_MATCHES);
    private static final Set<Operator> ORDERING = EnumSet.of(EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUAL,
            LESS_THAN, LESS_THAN_EQUAL);
    private static final Set<Operator> ALL = EnumSet.allOf(Operator.class);

    private final String name;
    private final Set<Operator> operators;
    private final ValueKind<T> kind;
    private final Function<QuerySubject, List<T>> values;
    private final Predicate<QuerySubject> exists;

    private Subject(String name, Set<Operator> operators, ValueKind<T> kind, Function<QuerySubject, List<T>> values,
            Predicate<QuerySubject> exists) {
        this.name = name;
        this.operators = operators;
        this.kind = kind;
        this.values = values;
        this.exists = exists;
    }

    private Subject(String name, Set<Operator> operators, ValueKind<T> kind, Function<QuerySubject, List<T>> values) {
        this(name, operators, kind, values, subject -> !values.apply(subject).isEmpty());
    }

    /** The subject spelled {@code name}, or empty when the language has none such (or an attribute lacks its name). */
    static Optional<Subject<?>> named(String name) {
        Subject<?> subject = switch (name) {
            case "agentConnected" -> new Subject<>(name, EQUALITY, ValueKind.FLAG,
                    instance -> List.of(instance.agentConnected()));
            case "agentVersion" -> new Subject<>(name, ORDERING, ValueKind.VERSION,
                    instance -> agentVersion(instance.agentVersion()));
            case "ec2InstanceId" -> new Subject<>(name, EQUALITY, ValueKind.TEXT,
                    instance -> optional(instance.ec2InstanceId()));
            case "registeredAt" -> new Subject<>(name, ORDERING, ValueKind.DATE,
                    instance -> optional(instance.registeredAt()));
            case "runningTasksCount" -> new Subject<>(name, ORDERING, ValueKind.COUNT,
                    instance -> List.of((long) instance.runningTasksCount()));
            case "task:group" -> new Subject<>(name, ALL, ValueKind.TEXT, QuerySubject::taskGroups);
            default -> name.startsWith(ATTRIBUTE) && name.length() > ATTRIBUTE.length()
                    ? attribute(name.substring(ATTRIBUTE.length())) : null;
        };
        return Optional.ofNullable(subject);
    }

    private static Subject<String> attribute(String attribute) {
        // An attribute may be present without a value: it exists, but equals nothing.
        return new Subject<>(ATTRIBUTE + attribute, ALL, ValueKind.TEXT,
                instance -> optional(instance.attributes().get(attribute)),
                instance -> instance.attributes().containsKey(attribute));
    }

    String name() {
        return name;
    }

    boolean accepts(Operator operator) {
        return operators.contains(operator);
    }

    /**
     * The condition "this subject, operator, arguments"; an argument that does not read as this
     * subject's kind of value raises a QueryError at its position.
     */
    Predicate<QuerySubject> condition(Operator operator, List<Argument> arguments) {
        Predicate<QuerySubject> positive = switch (operator.positive()) {
            case EXISTS -> exists;
            case EQUALS -> {
                T wanted = read(arguments.get(0));
                yield instance -> anyValue(instance, value -> kind.same().test(value, wanted));
            }
            case IN -> {
                List<T> wanted = arguments.stream().map(this::read).toList();
                yield instance -> anyValue(instance,
                        value -> wanted.stream().anyMatch(each -> kind.same().test(value, each)));
            }
            case MATCHES -> {
                Pattern pattern = pattern(arguments.get(0));
                yield instance -> anyValue(instance, value -> pattern.matcher(kind.text().apply(value)).matches());
            }
            default -> {
                T bound = read(arguments.get(0));
                yield instance -> anyValue(instance, value -> operator.holds(kind.order().compare(value, bound)));
            }
        };
        return operator.negated() ? positive.negate() : positive;
    }

    private boolean anyValue(QuerySubject instance, Predicate<T> test) {
        return values.apply(instance).stream().anyMatch(test);
    }

    private T read(Argument argument) {
        try {
            return kind.parse().apply(argument.text());
        } catch (IllegalArgumentException e) {
            throw new QueryError(argument.position(), name + ": " + e.getMessage());
        }
    }

    private static Pattern pattern(Argument argument) {
        try {
            return Pattern.compile(argument.text());
        } catch (PatternSyntaxException e) {
            throw new QueryError(argument.position(), "'" + argument.text() + "' is not a Java regular expression ("
                    + e.getDescription() + ")");
        }
    }

    private static List<AgentVersion> agentVersion(String text) {
        try {
            return optional(text == null ? null : AgentVersion.parse(text));
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
    }

    private static <V> List<V> optional(V value) {
        return value == null ? List.of() : List.of(value);
    }
}
