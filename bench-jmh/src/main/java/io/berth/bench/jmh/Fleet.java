package io.berth.bench.jmh;

import io.berth.core.placement.InstanceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated fleet as placement sees it: instances of three sizes in three availability zones,
 * each already running a few tasks of a few groups, so that spread and binpack have real work.
 */
final class Fleet {

    static final String[] ZONES = {"bench-1a", "bench-1b", "bench-1c"};
    private static final int[][] SIZES = {{2048, 4096}, {4096, 8192}, {8192, 16384}};

    private Fleet() {
    }

    static List<InstanceView> of(int instances) {
        List<InstanceView> views = new ArrayList<>(instances);
        Instant registered = Instant.parse("2026-11-26T00:00:00Z");
        for (int i = 0; i < instances; i++) {
            int[] size = SIZES[i % SIZES.length];
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("ecs.availability-zone", ZONES[i % ZONES.length]);
            attributes.put("ecs.instance-type", i % 2 == 0 ? "m5.large" : "c5.xlarge");
            attributes.put("ecs.os-type", "linux");
            int running = i % 5;
            List<String> groups = new ArrayList<>();
            for (int t = 0; t < running; t++) {
                groups.add("service:s" + (t % 3));
            }
            views.add(new InstanceView("arn:aws:ecs:us-east-1:000000000000:container-instance/bench/"
                    + String.format("%032x", i), "i-" + i, InstanceView.ACTIVE, true, registered.plusSeconds(i),
                    "1.0.0", attributes, size[0] - running * 256, size[1] - running * 512, Set.of(22, 2375),
                    Set.of(), groups));
        }
        return views;
    }
}
