package io.berth.core.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A record's place in {@code berth.events}: partition and offset, written {@code "3:1742"}. */
public record LogPosition(int partition, long offset) {

    @JsonCreator
    public static LogPosition parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a log position: " + text);
        }
        return new LogPosition(Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }

    @JsonValue
    @Override
    public String toString() {
        return partition + ":" + offset;
    }
}
