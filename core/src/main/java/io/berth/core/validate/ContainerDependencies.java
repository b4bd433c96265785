package io.berth.core.validate;

import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.ContainerDependency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dependsOn} rules (ecs-semantics §3.2): each dependency names another container of the
 * definition with a known condition; HEALTHY needs the target to have a health check; COMPLETE and
 * SUCCESS wait for the target to exit, so the target must not be essential (its exit would stop the
 * task); and the dependencies form no cycle, or the task could never start.
 */
final class ContainerDependencies {

    private static final Set<String> CONDITIONS = Set.of("START", "COMPLETE", "SUCCESS", "HEALTHY");

    private ContainerDependencies() {
    }

    static void check(List<ContainerDefinition> containers) {
        Map<String, ContainerDefinition> byName = new LinkedHashMap<>();
        containers.forEach(c -> byName.put(c.name(), c));
        for (ContainerDefinition container : containers) {
            if (container.dependsOn() == null) {
                continue;
            }
            for (ContainerDependency dependency : container.dependsOn()) {
                checkOne(container.name(), dependency, byName);
            }
        }
        checkNoCycle(byName);
    }

    private static void checkOne(String container, ContainerDependency dependency,
            Map<String, ContainerDefinition> byName) {
        if (dependency == null || dependency.containerName() == null || dependency.condition() == null) {
            throw InvalidSetting.of(container, "Each 'dependsOn' entry needs 'containerName' and 'condition'.");
        }
        String targetName = dependency.containerName();
        String condition = dependency.condition();
        if (!CONDITIONS.contains(condition)) {
            throw InvalidSetting.unknownValue(container, "Invalid 'dependsOn' condition '" + condition
                    + "': use START, COMPLETE, SUCCESS or HEALTHY.");
        }
        ContainerDefinition target = byName.get(targetName);
        if (target == null || targetName.equals(container)) {
            throw InvalidSetting.of(container, "'dependsOn' names '" + targetName
                    + "', which is not another container of this task definition.");
        }
        if (condition.equals("HEALTHY") && target.healthCheck() == null) {
            throw InvalidSetting.of(container, "'dependsOn' waits for container '" + targetName
                    + "' to be HEALTHY, but it has no 'healthCheck'.");
        }
        if ((condition.equals("COMPLETE") || condition.equals("SUCCESS")) && target.isEssential()) {
            throw InvalidSetting.of(container, "'dependsOn' waits for container '" + targetName + "' to "
                    + condition + ", which it cannot do while that container is essential.");
        }
    }

    /** Depth-first search; meeting a container that is still on the current path closes a cycle. */
    private static void checkNoCycle(Map<String, ContainerDefinition> byName) {
        Set<String> done = new HashSet<>();
        for (String start : byName.keySet()) {
            visit(start, byName, new ArrayList<>(), done);
        }
    }

    private static void visit(String name, Map<String, ContainerDefinition> byName, List<String> path,
            Set<String> done) {
        if (done.contains(name)) {
            return;
        }
        int onPath = path.indexOf(name);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
            cycle.add(name);
            throw InvalidSetting.of(cycle.get(0), "'dependsOn' forms a cycle: " + String.join(" -> ", cycle) + ".");
        }
        path.add(name);
        List<ContainerDependency> dependencies = byName.get(name).dependsOn();
        if (dependencies != null) {
            for (ContainerDependency dependency : dependencies) {
                visit(dependency.containerName(), byName, path, done);
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
    }
}
