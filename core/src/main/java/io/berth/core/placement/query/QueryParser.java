package io.berth.core.placement.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A recursive-descent parser of one expression, by precedence: {@code or} binds loosest, then
 * {@code and}, then {@code not}; parentheses group anything.
 * <pre>
 * disjunction := conjunction (("or" | "||") conjunction)*
 * conjunction := negation (("and" | "&&") negation)*
 * negation    := ("not" | "!") negation | "(" disjunction ")" | term
 * term        := subject operator [value | "[" value ("," value)* "]"]
 * </pre>
 * Values are bare or single-quoted. A bare value runs to white space, {@code &&}, {@code ||} or a
 * closing parenthesis it did not open, so {@code not(task:group == db)} ends the value at the
 * parenthesis while {@code =~ (t2|m5).*} keeps its group; in a list, a bare value runs to white
 * space, a comma or the closing bracket.
 */
final class QueryParser {

    private final String text;
    private int position;

    QueryParser(String text) {
        this.text = text;
    }

    Predicate<QuerySubject> parse() {
        Predicate<QuerySubject> condition = disjunction();
        skipSpaces();
        if (!atEnd()) {
            throw new QueryError(position, "expected 'and', 'or' or the end of the expression, found '"
                    + text.substring(position) + "'");
        }
        return condition;
    }

    private Predicate<QuerySubject> disjunction() {
        Predicate<QuerySubject> condition = conjunction();
        while (connective("or", "||")) {
            condition = condition.or(conjunction());
        }
        return condition;
    }

    private Predicate<QuerySubject> conjunction() {
        Predicate<QuerySubject> condition = negation();
        while (connective("and", "&&")) {
            condition = condition.and(negation());
        }
        return condition;
    }

    private Predicate<QuerySubject> negation() {
        skipSpaces();
        if (keyword("not") || symbol("!")) {
            return negation().negate();
        }
        if (symbol("(")) {
            Predicate<QuerySubject> inner = disjunction();
            skipSpaces();
            if (!symbol(")")) {
                throw new QueryError(position, "expected ')' to close the '(', found " + found());
            }
            return inner;
        }
        return term();
    }

    private Predicate<QuerySubject> term() {
        int start = position;
        String name = scan(QueryParser::isNameChar);
        if (name.isEmpty()) {
            throw new QueryError(start, "expected a subject, found " + found());
        }
        Subject<?> subject = Subject.named(name).orElseThrow(() -> new QueryError(start, "unknown subject '" + name
                + "'; the subjects are " + Subject.NAMES));
        skipSpaces();
        int operatorAt = position;
        String spelling = operatorSpelling();
        if (spelling.isEmpty()) {
            throw new QueryError(operatorAt, "expected an operator after " + name + ", found " + found());
        }
        Operator operator = Operator.spelled(spelling).orElseThrow(() -> new QueryError(operatorAt,
                "unknown operator '" + spelling + "'"));
        if (!subject.accepts(operator)) {
            throw new QueryError(operatorAt, "the operator '" + spelling + "' does not apply to " + name);
        }
        List<Argument> arguments = switch (operator.arity()) {
            case NONE -> List.of();
            case ONE -> List.of(value(spelling));
            case LIST -> list(spelling);
        };
        return subject.condition(operator, arguments);
    }

    /**
     * A word ({@code equals}, {@code not_in}), {@code !} and a word ({@code !exists}), or a run of
     * symbols ({@code >=}); empty when none stands at the position.
     */
    private String operatorSpelling() {
        int start = position;
        if (!atEnd() && text.charAt(position) == '!' && position + 1 < text.length()
                && Character.isLetter(text.charAt(position + 1))) {
            position++;
        }
        if (!atEnd() && Character.isLetter(text.charAt(position))) {
            scan(c -> Character.isLetter(c) || c == '_');
        } else {
            scan(c -> "=!<>~".indexOf(c) >= 0);
        }
        return text.substring(start, position);
    }

    private Argument value(String operator) {
        skipSpaces();
        int start = position;
        if (!atEnd() && text.charAt(position) == '\'') {
            return quoted();
        }
        int depth = 0;
        while (!atEnd() && !Character.isWhitespace(text.charAt(position)) && !text.startsWith("&&", position)
                && !text.startsWith("||", position)) {
            char c = text.charAt(position);
            if (c == ')' && depth == 0) {
                break;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            position++;
        }
        if (position == start) {
            throw new QueryError(start, "expected a value after '" + operator + "', found " + found());
        }
        return new Argument(text.substring(start, position), start);
    }

    private List<Argument> list(String operator) {
        skipSpaces();
        if (!symbol("[")) {
            throw new QueryError(position, "expected a list such as [a, b] after '" + operator + "', found "
                    + found());
        }
        List<Argument> items = new ArrayList<>();
        do {
            skipSpaces();
            items.add(listItem());
            skipSpaces();
            if (symbol("]")) {
                return items;
            }
        } while (symbol(","));
        throw new QueryError(position, "expected ',' or ']' in the list after '" + operator + "', found " + found());
    }

    private Argument listItem() {
        int start = position;
        if (!atEnd() && text.charAt(position) == '\'') {
            return quoted();
        }
        String item = scan(c -> !Character.isWhitespace(c) && c != ',' && c != ']');
        if (item.isEmpty()) {
            throw new QueryError(start, "expected a value in the list, found " + found());
        }
        return new Argument(item, start);
    }

    private Argument quoted() {
        int open = position;
        int close = text.indexOf('\'', open + 1);
        if (close < 0) {
            throw new QueryError(open, "the quoted value is not closed");
        }
        position = close + 1;
        return new Argument(text.substring(open + 1, close), open);
    }

    private boolean connective(String word, String symbol) {
        skipSpaces();
        return symbol(symbol) || keyword(word);
    }

    /** Consumes {@code word} (any case) when it stands whole at the position, not as the start of a longer name. */
    private boolean keyword(String word) {
        int end = position + word.length();
        if (text.regionMatches(true, position, word, 0, word.length())
                && (end == text.length() || !isNameChar(text.charAt(end)))) {
            position = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        if (text.startsWith(symbol, position)) {
            position += symbol.length();
            return true;
        }
        return false;
    }

    private String scan(CharTest test) {
        int start = position;
        while (!atEnd() && test.accepts(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private void skipSpaces() {
        scan(Character::isWhitespace);
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private String found() {
        return atEnd() ? "the end of the expression" : "'" + text.charAt(position) + "'";
    }

    /** Characters of subject names, including attribute names such as {@code ecs.availability-zone}. */
    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || ".-_:/\\@".indexOf(c) >= 0;
    }

    @FunctionalInterface
    private interface CharTest {
        boolean accepts(char c);
    }
}
