package io.berth.core.task;

import io.berth.core.model.ContainerDefinition;
import io.berth.core.model.PortMapping;
import io.berth.core.model.Reservation;
import io.berth.core.model.TaskDefinition;
import io.berth.core.model.TaskOverride;
import io.berth.core.validate.TaskSize;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a task holds on its instance (ecs-semantics §3.2, §4.3): CPU and memory from the task level
 * when set, else summed over containers (memoryReservation if set, else memory); static host ports
 * in bridge mode (hostPort above 0) and host mode (the container port), none for awsvpc and none.
 */
public final class TaskNeeds {

    private TaskNeeds() {
    }

    /** @throws io.berth.core.error.EcsException ClientException for a task cpu or memory that is not a size */
    public static Reservation of(TaskDefinition definition, TaskOverride overrides) {
        List<ContainerDefinition> containers = EffectiveContainers.of(definition, overrides);
        String taskCpu = overrides != null && overrides.cpu() != null ? overrides.cpu() : definition.cpu();
        String taskMemory = overrides != null && overrides.memory() != null ? overrides.memory() : definition.memory();
        // Overrides come as the client wrote them ("1 vCPU", "2GB"); a definition's are already in units.
        int cpu = taskCpu != null ? TaskSize.cpuUnits(taskCpu)
                : containers.stream().mapToInt(c -> c.cpu() == null ? 0 : c.cpu()).sum();
        int memory = taskMemory != null ? TaskSize.memoryMiB(taskMemory)
                : containers.stream().mapToInt(c -> c.memoryReservation() != null ? c.memoryReservation()
                        : c.memory() != null ? c.memory() : 0).sum();
        Set<Integer> tcp = new TreeSet<>();
        Set<Integer> udp = new TreeSet<>();
        String mode = definition.networkMode() == null ? "bridge" : definition.networkMode();
        if (mode.equals("bridge") || mode.equals("host")) {
            for (ContainerDefinition container : containers) {
                for (PortMapping mapping : container.portMappings() == null ? List.<PortMapping>of()
                        : container.portMappings()) {
                    Integer port = mode.equals("host") ? mapping.containerPort() : mapping.hostPort();
                    if (port != null && port > 0) {
                        ("udp".equals(mapping.protocol()) ? udp : tcp).add(port);
                    }
                }
            }
        }
        return new Reservation(cpu, memory, Set.copyOf(tcp), Set.copyOf(udp));
    }
}
