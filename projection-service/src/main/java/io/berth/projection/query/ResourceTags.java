package io.berth.projection.query;

import io.berth.core.model.Tag;
import io.berth.projection.view.TagView;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the tags of resources, in the order they were given. */
final class ResourceTags {

    private ResourceTags() {
    }

    static Uni<Map<String, List<Tag>>> of(Collection<String> resourceArns) {
        if (resourceArns.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return TagView.<TagView>list("resourceArn in ?1 order by resourceArn, ordinal", List.copyOf(resourceArns))
                .map(rows -> {
                    Map<String, List<Tag>> tags = new HashMap<>();
                    for (TagView row : rows) {
                        tags.computeIfAbsent(row.resourceArn, arn -> new ArrayList<>())
                                .add(new Tag(row.tagKey, row.tagValue));
                    }
                    return tags;
                });
    }

    static Uni<List<Tag>> of(String resourceArn) {
        return of(List.of(resourceArn)).map(tags -> tags.getOrDefault(resourceArn, List.of()));
    }
}
