package io.berth.core.placement.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the values of one kind of subject read from an argument, test equal, order and show to a
 * regular expression.
 *
 * @param parse reads an argument, throwing IllegalArgumentException with the reason it cannot
 * @param same equality for {@code ==} and {@code in}
 * @param order ordering for {@code < <= > >=}
 * @param text the value as {@code =~} sees it
 */
record ValueKind<T>(Function<String, T> parse, BiPredicate<T, T> same, Comparator<T> order,
        Function<T, String> text) {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,18}");

    /** Attributes, instance ids and task groups: string equality, numeric order when both sides are numbers. */
    static final ValueKind<String> TEXT = new ValueKind<>(Function.identity(), Objects::equals,
            ValueKind::compareText, Function.identity());

    static final ValueKind<Boolean> FLAG = new ValueKind<Boolean>(ValueKind::parseFlag, Objects::equals,
            Comparator.naturalOrder(), String::valueOf);

    static final ValueKind<AgentVersion> VERSION = new ValueKind<>(AgentVersion::parse,
            (a, b) -> a.compareTo(b) == 0, Comparator.naturalOrder(), AgentVersion::text);

    static final ValueKind<Instant> DATE = new ValueKind<>(RegistrationDate::parse, Objects::equals,
            Comparator.naturalOrder(), Instant::toString);

    static final ValueKind<Long> COUNT = new ValueKind<Long>(ValueKind::parseCount, Objects::equals,
            Comparator.naturalOrder(), String::valueOf);

    private static int compareText(String value, String argument) {
        if (NUMBER.matcher(value).matches() && NUMBER.matcher(argument).matches()) {
            return new BigDecimal(value).compareTo(new BigDecimal(argument));
        }
        return value.compareTo(argument);
    }

    private static Boolean parseFlag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    private static Long parseCount(String text) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        return Long.parseLong(text);
    }
}
