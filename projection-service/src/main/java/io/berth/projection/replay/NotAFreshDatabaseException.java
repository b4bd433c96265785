package io.berth.projection.replay;

/** The replay's target database already holds views; replaying into it would apply events twice. */
public final class NotAFreshDatabaseException extends IllegalStateException {

    public NotAFreshDatabaseException(String message) {
        super(message);
    }
}
