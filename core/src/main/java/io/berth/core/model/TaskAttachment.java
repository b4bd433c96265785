package io.berth.core.model;

import java.util.List;

/** A task attachment, e.g. the {@code ElasticNetworkInterface} of an awsvpc task. */
public record TaskAttachment(String id, String type, String status, List<KeyValuePair> details) {
}
