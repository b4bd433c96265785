package io.berth.projection.apply;

import java.util.Collection;
import java.util.function.Function;

/** PostgreSQL array literals ({@code {"a","b",NULL}}) for text parameters cast to arrays. */
final class PgArrays {

    private PgArrays() {
    }

    /** The literal of one column: {@code value} of each row, every element quoted, nulls as NULL. */
    static <T> String column(Collection<T> rows, Function<T, Object> value) {
        StringBuilder literal = new StringBuilder(rows.size() * 24 + 2).append('{');
        boolean first = true;
        for (T row : rows) {
            if (!first) {
                literal.append(',');
            }
            first = false;
            Object element = value.apply(row);
            if (element == null) {
                literal.append("NULL");
                continue;
            }
            String text = element.toString();
            literal.append('"');
            // copied in runs between the characters to escape: the documents are JSON, full of quotes,
            // and a character-by-character copy was a sixth of the replay's time
            int from = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append(text, from, i).append('\\');
                    from = i;
                }
            }
            literal.append(text, from, text.length()).append('"');
        }
        return literal.append('}').toString();
    }
}
