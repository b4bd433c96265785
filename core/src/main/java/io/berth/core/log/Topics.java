package io.berth.core.log;

/**
 * The Kafka topics of the log. {@code berth.commands} and {@code berth.events} have the same
 * number of partitions and are keyed by boundary key, so a boundary's commands and events share a
 * partition number and that partition's owner is the boundary's only writer.
 */
public final class Topics {

    /** Commands, key = boundary key, value = {@code CommandEnvelope} JSON. */
    public static final String COMMANDS = "berth.commands";
    /** Events, key = boundary key, value = {@code EventEnvelope} JSON. Kept forever. */
    public static final String EVENTS = "berth.events";
    /** Replies, key = command id, value = {@code CommandReply} JSON. */
    public static final String REPLIES = "berth.replies";
    /**
     * Agent heartbeats, key = container instance ARN. Not events: only the changes of
     * connectivity they lead to are. Kept for an hour.
     */
    public static final String HEARTBEATS = "berth.heartbeats";
    /** Container output, key = {@code <account>/<region>/<log group>/<log stream>}. Kept for a week. */
    public static final String LOGS = "berth.logs";

    private Topics() {
    }
}
