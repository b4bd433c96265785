package io.berth.core.model;

/** An entry of a batch operation's {@code failures[]}, e.g. reason {@code MISSING} for an unknown id. */
public record Failure(String arn, String reason, String detail) {

    public static Failure missing(String arn) {
        return new Failure(arn, "MISSING", null);
    }
}
