package io.berth.core.event;

import io.berth.core.model.Tag;
import java.util.List;

/** Tags were added or overwritten; {@code tags} is the resource's whole tag set afterwards. */
public record ResourceTagged(String resourceArn, List<Tag> added, List<Tag> tags) implements Event {
}
