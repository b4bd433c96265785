package io.berth.command.writer;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.LogPosition;
import java.time.Instant;

/** The first result of an applied command, kept to answer a retry of the same command id. */
record RecordedReply(JsonNode result, LogPosition position, Instant at) {
}
