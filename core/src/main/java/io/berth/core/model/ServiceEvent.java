package io.berth.core.model;

import java.time.Instant;

/** One entry of a service's {@code events[]}: newest first, at most 100 kept. */
public record ServiceEvent(String id, Instant createdAt, String message) {
}
