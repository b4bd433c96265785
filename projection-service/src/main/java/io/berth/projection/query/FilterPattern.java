package io.berth.projection.query;

import io.berth.core.error.EcsException;
import java.util.ArrayList;
import java.util.List;

/**
 * A FilterLogEvents {@code filterPattern}, of which Berth supports literal terms only: words
 * separated by spaces, or "quoted phrases". A line matches when its message contains every term,
 * case-sensitively, as in CloudWatch Logs. The rest of CloudWatch's syntax (JSON {@code { ... }}
 * and space-delimited {@code [ ... ]} patterns, {@code ?term} alternatives, {@code -term}
 * exclusions, {@code %regex%}) is refused with InvalidParameterException rather than read as
 * literal text, which would silently match something else; quoting such a term takes it literally.
 */
record FilterPattern(List<String> terms) {

    static final FilterPattern EVERYTHING = new FilterPattern(List.of());

    private static final String UNSUPPORTED_START = "?-%{[";

    static FilterPattern parse(String pattern) {
        if (pattern == null) {
            return EVERYTHING;
        }
        List<String> terms = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = pattern.indexOf('"', i + 1);
                if (close < 0) {
                    throw EcsException.invalidParameter("Invalid filter pattern: the quote at position " + (i + 1)
                            + " is not closed.");
                }
                if (close > i + 1) {
                    terms.add(pattern.substring(i + 1, close));
                }
                i = close + 1;
            } else if (UNSUPPORTED_START.indexOf(c) >= 0) {
                throw EcsException.invalidParameter("Unsupported filter pattern '" + pattern + "': Berth matches "
                        + "literal terms only (words or \"quoted phrases\"); put a term starting with " + c
                        + " in quotes to match it literally.");
            } else {
                int end = i;
                while (end < pattern.length() && !Character.isWhitespace(pattern.charAt(end))) {
                    end++;
                }
                terms.add(pattern.substring(i, end));
                i = end;
            }
        }
        return new FilterPattern(List.copyOf(terms));
    }
}
