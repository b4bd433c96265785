package io.berth.core.task;

import io.berth.core.json.Json;
import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.ContainerOverride;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.TaskOverride;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The containers a task really runs: its definition's, with the RunTask/StartTask overrides applied
 * (command replaced, environment variables added or replaced, cpu and memory replaced). Shared by
 * placement, which reserves what they need, and the agent, which runs them.
 */
public final class EffectiveContainers {

    private EffectiveContainers() {
    }

    public static List<ContainerDefinition> of(TaskDefinition definition, TaskOverride overrides) {
        Map<String, ContainerOverride> byName = new HashMap<>();
        if (overrides != null && overrides.containerOverrides() != null) {
            for (ContainerOverride o : overrides.containerOverrides()) {
                byName.put(o.name(), o);
            }
        }
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition container : definition.containerDefinitions()) {
            ContainerOverride o = byName.get(container.name());
            containers.add(o == null ? container : apply(container, o));
        }
        return List.copyOf(containers);
    }

    private static ContainerDefinition apply(ContainerDefinition container, ContainerOverride o) {
        Map<String, Object> changes = new HashMap<>();
        if (o.command() != null) {
            changes.put("command", o.command());
        }
        if (o.environment() != null) {
            Map<String, KeyValuePair> merged = new LinkedHashMap<>();
            if (container.environment() != null) {
                container.environment().forEach(e -> merged.put(e.name(), e));
            }
            o.environment().forEach(e -> merged.put(e.name(), e));
            changes.put("environment", List.copyOf(merged.values()));
        }
        if (o.cpu() != null) {
            changes.put("cpu", o.cpu());
        }
        if (o.memory() != null) {
            changes.put("memory", o.memory());
        }
        if (o.memoryReservation() != null) {
            changes.put("memoryReservation", o.memoryReservation());
        }
        return changes.isEmpty() ? container : Json.with(container, changes);
    }
}
