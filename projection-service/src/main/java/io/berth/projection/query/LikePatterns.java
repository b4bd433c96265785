package io.berth.projection.query;

/** Text taken literally in a {@code like ... escape '\'} pattern: its own %, _ and \ escaped. */
final class LikePatterns {

    private LikePatterns() {
    }

    static String prefix(String text) {
        return literal(text) + "%";
    }

    static String containing(String text) {
        return "%" + literal(text) + "%";
    }

    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
