package io.berth.core.event;

import io.berth.core.model.Tag;
import java.util.List;

/** Tags were removed; {@code tags} is the resource's whole tag set afterwards. */
public record ResourceUntagged(String resourceArn, List<String> removedKeys, List<Tag> tags) implements Event {
}
