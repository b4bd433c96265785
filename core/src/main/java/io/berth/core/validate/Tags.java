package io.berth.core.validate;

import io.berth.core.error.EcsException;
import io.berth.core.model.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** ECS tag rules: at most 50 per resource, keys 1-128 and values 0-256 characters, {@code aws:} reserved. */
public final class Tags {

    public static final int MAX_TAGS = 50;

    private Tags() {
    }

    /** Validates tags given on a request; null means none. */
    public static List<Tag> validate(List<Tag> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw EcsException.invalidParameter("A resource can have at most " + MAX_TAGS + " tags.");
        }
        for (Tag tag : tags) {
            if (tag == null || tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128) {
                throw EcsException.invalidParameter("Tag keys must be between 1 and 128 characters long.");
            }
            if (tag.value() != null && tag.value().length() > 256) {
                throw EcsException.invalidParameter("Tag values must be at most 256 characters long.");
            }
            if (tag.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw EcsException.invalidParameter("Tag keys prefixed with 'aws:' are reserved for AWS use.");
            }
        }
        return List.copyOf(merge(List.of(), tags));
    }

    /** The tag set after adding or overwriting {@code added}, in first-seen key order. */
    public static List<Tag> merge(List<Tag> current, List<Tag> added) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        for (Tag tag : current) {
            byKey.put(tag.key(), tag);
        }
        for (Tag tag : added) {
            byKey.put(tag.key(), new Tag(tag.key(), tag.value() == null ? "" : tag.value()));
        }
        if (byKey.size() > MAX_TAGS) {
            throw EcsException.invalidParameter("A resource can have at most " + MAX_TAGS + " tags.");
        }
        return List.copyOf(byKey.values());
    }

    /** The tag set without the given keys. */
    public static List<Tag> remove(List<Tag> current, Collection<String> keys) {
        List<Tag> kept = new ArrayList<>();
        for (Tag tag : current) {
            if (!keys.contains(tag.key())) {
                kept.add(tag);
            }
        }
        return List.copyOf(kept);
    }
}
