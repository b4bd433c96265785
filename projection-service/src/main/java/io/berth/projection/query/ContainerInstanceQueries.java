package io.berth.projection.query;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.Failure;
import io.berth.core.placement.query.ClusterQuery;
import io.berth.projection.view.ContainerInstanceView;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** DescribeContainerInstances and ListContainerInstances (ecs-semantics §2, §3.7, §4.2). */
@ApplicationScoped
public class ContainerInstanceQueries {

    /** CONTAINER_INSTANCE_HEALTH is accepted; Berth records no instance health, so it adds nothing. */
    private static final Set<String> INCLUDES = Set.of("TAGS", "CONTAINER_INSTANCE_HEALTH");
    private static final Set<String> LISTED_STATUSES = Set.of("ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING",
            "REGISTRATION_FAILED");
    private static final int MAX_DESCRIBED = 100;
    /** Instances read at a time while a filter picks the page out of them. */
    private static final int FILTER_CHUNK = 200;

    public record DescribeContainerInstancesRequest(String cluster, List<String> containerInstances,
            List<String> include) {
    }

    public record DescribeContainerInstancesResponse(List<ContainerInstance> containerInstances,
            List<Failure> failures) {
    }

    public record ListContainerInstancesRequest(String cluster, String filter, String status, String nextToken,
            Integer maxResults) {
    }

    public record ListContainerInstancesResponse(List<String> containerInstanceArns, String nextToken) {
    }

    /** Instances of any status, INACTIVE ones included, with remaining resources and task counts. */
    public Uni<DescribeContainerInstancesResponse> describe(Scope scope, DescribeContainerInstancesRequest request) {
        boolean withTags = Includes.check(request.include(), INCLUDES).contains("TAGS");
        String clusterName = Arns.clusterName(scope, request.cluster());
        List<String> references = request.containerInstances();
        if (references == null || references.isEmpty()) {
            throw EcsException.invalidParameter("Container instances cannot be empty.");
        }
        if (references.size() > MAX_DESCRIBED) {
            throw EcsException.invalidParameter("At most " + MAX_DESCRIBED
                    + " container instances can be described at once.");
        }
        Map<String, String> arns = new LinkedHashMap<>();
        return ServiceQueries.existingCluster(scope, clusterName)
                .chain(() -> {
                    for (String reference : references) {
                        arns.put(reference, Arns.containerInstance(scope, clusterName,
                                Arns.containerInstanceId(scope, clusterName, reference)));
                    }
                    return ContainerInstanceView.<ContainerInstanceView>list("containerInstanceArn in ?1",
                            arns.values().stream().distinct().toList());
                })
                .chain(rows -> InstanceUsage.of(rows.stream().map(row -> row.containerInstanceArn).toList())
                        .map(usage -> {
                            Map<String, ContainerInstanceView> byArn = new HashMap<>();
                            rows.forEach(row -> byArn.put(row.containerInstanceArn, row));
                            List<ContainerInstance> instances = new ArrayList<>();
                            List<Failure> failures = new ArrayList<>();
                            for (String reference : references) {
                                String arn = arns.get(reference);
                                ContainerInstanceView row = byArn.get(arn);
                                if (row == null) {
                                    failures.add(Failure.missing(arn));
                                } else {
                                    instances.add(shown(row, usage.getOrDefault(arn, InstanceUsage.NONE), withTags));
                                }
                            }
                            return new DescribeContainerInstancesResponse(instances, failures);
                        }));
    }

    /**
     * The instances of a status (by default every status but INACTIVE), by ARN, that the
     * {@code filter} expression (cluster query language) holds for.
     */
    public Uni<ListContainerInstancesResponse> list(Scope scope, ListContainerInstancesRequest request) {
        int size = Paging.maxResults(request.maxResults(), 100);
        String clusterName = Arns.clusterName(scope, request.cluster());
        if (request.status() != null && !LISTED_STATUSES.contains(request.status())) {
            throw EcsException.invalidParameter("status must be one of ACTIVE, DRAINING, REGISTERING, DEREGISTERING, "
                    + "REGISTRATION_FAILED.");
        }
        List<String> statuses = request.status() == null ? List.copyOf(LISTED_STATUSES) : List.of(request.status());
        ClusterQuery filter = request.filter() == null ? null : ClusterQuery.parse(request.filter());
        String after = request.nextToken() == null ? ""
                : PageToken.decode("ListContainerInstances", request.nextToken(), 1).get(0);
        Listing listing = new Listing(Arns.cluster(scope, clusterName), statuses, filter, size);
        return ServiceQueries.existingCluster(scope, clusterName)
                .chain(() -> listing.collect(after, new ArrayList<>()))
                .map(matched -> {
                    Paging.Page<String> page = Paging.cut("ListContainerInstances", matched, size, List::of);
                    return new ListContainerInstancesResponse(page.items(), page.nextToken());
                });
    }

    /** The instance as ECS shows it: remaining resources and task counts filled in, tags only when asked. */
    private static ContainerInstance shown(ContainerInstanceView row, InstanceUsage usage, boolean withTags) {
        ContainerInstance stored = Json.read(row.document, ContainerInstance.class);
        Map<String, Object> members = new HashMap<>();
        members.put("remainingResources", usage.remainingResources(row, stored));
        members.put("runningTasksCount", usage.running());
        members.put("pendingTasksCount", usage.pending());
        members.put("tags", withTags ? stored.tags() == null ? List.of() : stored.tags() : null);
        return Json.with(stored, members);
    }

    /**
     * One listing: reads the cluster's instances of the statuses after a key, a chunk at a time,
     * until one more than a page has passed the filter or none are left.
     */
    private record Listing(String clusterArn, List<String> statuses, ClusterQuery filter, int size) {

        Uni<List<String>> collect(String after, List<String> matched) {
            int chunk = filter == null ? size + 1 : FILTER_CHUNK;
            return ContainerInstanceView.<ContainerInstanceView>find(
                    "clusterArn = ?1 and status in ?2 and containerInstanceArn > ?3", Sort.by("containerInstanceArn"),
                    clusterArn, statuses, after).range(0, chunk - 1).list()
                    .chain(rows -> passing(rows).chain(passed -> {
                        matched.addAll(passed);
                        if (matched.size() > size || rows.size() < chunk) {
                            return Uni.createFrom().item(matched);
                        }
                        return collect(rows.get(rows.size() - 1).containerInstanceArn, matched);
                    }));
        }

        private Uni<List<String>> passing(List<ContainerInstanceView> rows) {
            List<String> arns = rows.stream().map(row -> row.containerInstanceArn).toList();
            if (filter == null) {
                return Uni.createFrom().item(arns);
            }
            return InstanceUsage.of(arns).map(usage -> rows.stream()
                    .filter(row -> filter.matches(InstanceQuerySubject.of(
                            Json.read(row.document, ContainerInstance.class),
                            usage.getOrDefault(row.containerInstanceArn, InstanceUsage.NONE))))
                    .map(row -> row.containerInstanceArn)
                    .toList());
        }
    }
}
