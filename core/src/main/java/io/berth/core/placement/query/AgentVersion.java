package io.berth.core.placement.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container agent version compared part by part as numbers, so {@code 1.14.5 < 1.14.10}, and
 * {@code 1.14 == 1.14.0}. A pre-release ({@code 1.15.0-rc1}) sorts before its release, as in
 * semantic versioning; build metadata ({@code +abc}) is ignored.
 */
record AgentVersion(String text, List<Long> parts, String preRelease) implements Comparable<AgentVersion> {

    private static final Pattern SHAPE = Pattern.compile("[vV]?(\\d{1,18}(?:\\.\\d{1,18})*)(?:-([0-9A-Za-z.-]+))?"
            + "(?:\\+[0-9A-Za-z.-]+)?");

    static AgentVersion parse(String text) {
        Matcher matcher = SHAPE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version such as 1.14.5");
        }
        List<Long> parts = new ArrayList<>();
        for (String part : matcher.group(1).split("\\.")) {
            parts.add(Long.parseLong(part));
        }
        return new AgentVersion(text, List.copyOf(parts), matcher.group(2));
    }

    @Override
    public int compareTo(AgentVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int byPart = Long.compare(part(i), other.part(i));
            if (byPart != 0) {
                return byPart;
            }
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        return preRelease.compareTo(other.preRelease);
    }

    private long part(int index) {
        return index < parts.size() ? parts.get(index) : 0;
    }
}
