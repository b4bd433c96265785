package io.berth.projection.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.json.Json;
import io.berth.core.model.Cluster;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Service;
import io.berth.core.model.Task;
import io.berth.core.model.TaskDefinition;
import java.util.List;

/**
 * The jsonb documents of the views: each resource in its ECS shape as {@code Json.MAPPER} writes
 * it, without the members that are kept elsewhere or computed when read. Built only for the rows
 * a batch finally writes, not for every event that passed through.
 */
final class ViewDocuments {

    /** Counts, tags and statistics are computed when a cluster is described. */
    private static final List<String> CLUSTER_COMPUTED = List.of("registeredContainerInstancesCount",
            "runningTasksCount", "pendingTasksCount", "activeServicesCount", "statistics", "tags");
    /** events[] and tags live in their own tables. */
    private static final List<String> SERVICE_ELSEWHERE = List.of("events", "tags");

    /** Remaining resources and task counts follow from the instance's tasks when it is described. */
    private static final List<String> INSTANCE_COMPUTED = List.of("remainingResources", "runningTasksCount",
            "pendingTasksCount");

    private ViewDocuments() {
    }

    static ObjectNode cluster(Cluster cluster) {
        ObjectNode document = (ObjectNode) Json.toTree(cluster);
        document.remove(CLUSTER_COMPUTED);
        return document;
    }

    static ObjectNode service(Service service) {
        ObjectNode document = (ObjectNode) Json.toTree(service);
        document.remove(SERVICE_ELSEWHERE);
        return document;
    }

    static ObjectNode taskDefinition(TaskDefinition taskDefinition) {
        return (ObjectNode) Json.toTree(taskDefinition);
    }

    static ObjectNode containerInstance(ContainerInstance instance) {
        ObjectNode document = (ObjectNode) Json.toTree(instance);
        document.remove(INSTANCE_COMPUTED);
        return document;
    }

    /** The whole task, tags included: they are shown when DescribeTasks asks for TAGS. */
    static ObjectNode task(Task task) {
        return (ObjectNode) Json.toTree(task);
    }
}
