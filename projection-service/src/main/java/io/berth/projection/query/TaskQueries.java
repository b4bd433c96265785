package io.berth.projection.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import io.berth.core.model.Failure;
import io.berth.core.model.Task;
import io.berth.core.model.TaskStatus;
import io.berth.projection.view.TaskView;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** DescribeTasks and ListTasks (ecs-semantics §2, §3.6). */
@ApplicationScoped
public class TaskQueries {

    private static final int MAX_DESCRIBED = 100;
    private static final Set<String> DESIRED_STATUSES = Set.of(TaskStatus.RUNNING, TaskStatus.PENDING,
            TaskStatus.STOPPED);

    public record DescribeTasksRequest(String cluster, List<String> tasks, List<String> include) {
    }

    public record DescribeTasksResponse(List<Task> tasks, List<Failure> failures) {
    }

    public record ListTasksRequest(String cluster, String containerInstance, String family, String startedBy,
            String serviceName, String desiredStatus, String launchType, String nextToken, Integer maxResults) {
    }

    public record ListTasksResponse(List<String> taskArns, String nextToken) {
    }

    /** Tasks by id, long or old short ARN; STOPPED ones are described until they expire. */
    public Uni<DescribeTasksResponse> describe(Scope scope, DescribeTasksRequest request) {
        boolean withTags = Includes.check(request.include(), Set.of("TAGS")).contains("TAGS");
        String clusterName = Arns.clusterName(scope, request.cluster());
        List<String> references = request.tasks();
        if (references == null || references.isEmpty()) {
            throw EcsException.invalidParameter("Tasks cannot be empty.");
        }
        if (references.size() > MAX_DESCRIBED) {
            throw EcsException.invalidParameter("At most " + MAX_DESCRIBED + " tasks can be described at once.");
        }
        Map<String, String> arns = new LinkedHashMap<>();
        return ServiceQueries.existingCluster(scope, clusterName)
                .chain(() -> {
                    for (String reference : references) {
                        arns.put(reference, Arns.task(scope, clusterName, Arns.taskId(scope, clusterName,
                                reference)));
                    }
                    return TaskView.<TaskView>list("taskArn in ?1", arns.values().stream().distinct().toList());
                })
                .map(rows -> {
                    Map<String, TaskView> byArn = new HashMap<>();
                    rows.forEach(row -> byArn.put(row.taskArn, row));
                    List<Task> tasks = new ArrayList<>();
                    List<Failure> failures = new ArrayList<>();
                    for (String reference : references) {
                        TaskView row = byArn.get(arns.get(reference));
                        if (row == null) {
                            failures.add(Failure.missing(arns.get(reference)));
                        } else {
                            tasks.add(shown(row, withTags));
                        }
                    }
                    return new DescribeTasksResponse(tasks, failures);
                });
    }

    /**
     * Tasks of one desired status (RUNNING by default; PENDING is accepted and matches nothing, as
     * ECS never sets it), by ARN. {@code startedBy} must be the only filter, as the ECS API
     * reference says ("When you specify startedBy as the filter, it must be the only filter that
     * you use"); the cluster and paging are not filters.
     */
    public Uni<ListTasksResponse> list(Scope scope, ListTasksRequest request) {
        int size = Paging.maxResults(request.maxResults(), 100);
        String clusterName = Arns.clusterName(scope, request.cluster());
        if (request.desiredStatus() != null && !DESIRED_STATUSES.contains(request.desiredStatus())) {
            throw EcsException.invalidParameter("desiredStatus must be one of RUNNING, PENDING, STOPPED.");
        }
        if (request.launchType() != null && !ServiceQueries.LAUNCH_TYPES.contains(request.launchType())) {
            throw EcsException.invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL.");
        }
        if (request.startedBy() != null && (request.containerInstance() != null || request.family() != null
                || request.serviceName() != null || request.desiredStatus() != null
                || request.launchType() != null)) {
            throw EcsException.invalidParameter("cannot specify startedBy with other arguments");
        }
        String desiredStatus = request.desiredStatus() == null ? TaskStatus.RUNNING : request.desiredStatus();
        String after = request.nextToken() == null ? ""
                : PageToken.decode("ListTasks", request.nextToken(), 1).get(0);
        StringBuilder query = new StringBuilder("clusterArn = ?1 and desiredStatus = ?2 and taskArn > ?3");
        List<Object> parameters = new ArrayList<>(List.of(Arns.cluster(scope, clusterName), desiredStatus, after));
        filter(query, parameters, "containerInstanceArn", request.containerInstance() == null ? null
                : Arns.containerInstance(scope, clusterName,
                        Arns.containerInstanceId(scope, clusterName, request.containerInstance())));
        filter(query, parameters, "family", request.family());
        filter(query, parameters, "serviceName", request.serviceName());
        filter(query, parameters, "startedBy", request.startedBy());
        filter(query, parameters, "launchType", request.launchType());
        return ServiceQueries.existingCluster(scope, clusterName)
                .chain(() -> desiredStatus.equals(TaskStatus.PENDING) ? Uni.createFrom().item(List.<TaskView>of())
                        : TaskView.<TaskView>find(query.toString(), Sort.by("taskArn"), parameters.toArray())
                                .range(0, size).list())
                .map(rows -> {
                    Paging.Page<TaskView> page = Paging.cut("ListTasks", rows, size, row -> List.of(row.taskArn));
                    return new ListTasksResponse(page.items().stream().map(row -> row.taskArn).toList(),
                            page.nextToken());
                });
    }

    private static void filter(StringBuilder query, List<Object> parameters, String field, String value) {
        if (value != null) {
            parameters.add(value);
            query.append(" and ").append(field).append(" = ?").append(parameters.size());
        }
    }

    /** The task, with {@code tags} (an empty list if it has none) only when asked for. */
    private static Task shown(TaskView row, boolean withTags) {
        ObjectNode document = (ObjectNode) Json.readTree(row.document);
        if (!withTags) {
            document.remove("tags");
        } else if (!document.has("tags")) {
            document.putArray("tags");
        }
        return Json.convert(document, Task.class);
    }
}
