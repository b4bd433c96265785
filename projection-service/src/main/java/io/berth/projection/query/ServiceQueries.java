package io.berth.projection.query;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import io.berth.core.model.Failure;
import io.berth.core.model.Service;
import io.berth.core.model.ServiceEvent;
import io.berth.core.model.Tag;
import io.berth.projection.view.ClusterView;
import io.berth.projection.view.ServiceEventView;
import io.berth.projection.view.ServiceView;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** DescribeServices and ListServices (ecs-semantics §2, §3.3). */
@ApplicationScoped
public class ServiceQueries {

    private static final int MAX_DESCRIBED = 10;
    static final Set<String> LAUNCH_TYPES = Set.of("EC2", "FARGATE", "EXTERNAL");
    private static final Set<String> SCHEDULING_STRATEGIES = Set.of("REPLICA", "DAEMON");

    public record DescribeServicesRequest(String cluster, List<String> services, List<String> include) {
    }

    public record DescribeServicesResponse(List<Service> services, List<Failure> failures) {
    }

    public record ListServicesRequest(String cluster, String launchType, String schedulingStrategy,
            String nextToken, Integer maxResults) {
    }

    public record ListServicesResponse(List<String> serviceArns, String nextToken) {
    }

    /** DRAINING and INACTIVE services are described too; each carries its newest 100 events[]. */
    public Uni<DescribeServicesResponse> describe(Scope scope, DescribeServicesRequest request) {
        boolean withTags = Includes.check(request.include(), Set.of("TAGS")).contains("TAGS");
        String clusterName = Arns.clusterName(scope, request.cluster());
        List<String> references = request.services();
        if (references == null || references.isEmpty()) {
            throw EcsException.invalidParameter("Services cannot be empty.");
        }
        if (references.size() > MAX_DESCRIBED) {
            throw EcsException.invalidParameter("At most " + MAX_DESCRIBED + " services can be described at once.");
        }
        // reference -> service name, or null when the reference cannot name a service of this cluster here
        Map<String, String> names = new LinkedHashMap<>();
        for (String reference : references) {
            names.put(reference, serviceName(scope, clusterName, reference));
        }
        List<String> wanted = names.values().stream().filter(name -> name != null).distinct().toList();
        return existingCluster(scope, clusterName)
                .chain(() -> wanted.isEmpty() ? Uni.createFrom().item(List.<ServiceView>of())
                        : ServiceView.<ServiceView>list(
                                "account = ?1 and region = ?2 and clusterName = ?3 and serviceName in ?4",
                                scope.account(), scope.region(), clusterName, wanted))
                .chain(rows -> {
                    List<String> arns = rows.stream().map(row -> row.serviceArn).toList();
                    return events(arns).chain(events -> (withTags ? ResourceTags.of(arns)
                            : Uni.createFrom().item(Map.<String, List<Tag>>of())).map(tags -> {
                                Map<String, ServiceView> byName = new HashMap<>();
                                rows.forEach(row -> byName.put(row.serviceName, row));
                                List<Service> services = new ArrayList<>();
                                List<Failure> failures = new ArrayList<>();
                                for (String reference : references) {
                                    String name = names.get(reference);
                                    ServiceView row = name == null ? null : byName.get(name);
                                    if (row == null) {
                                        failures.add(Failure.missing(name == null ? reference
                                                : Arns.service(scope, clusterName, name)));
                                    } else {
                                        services.add(shown(row, events.getOrDefault(row.serviceArn, List.of()),
                                                withTags ? tags.getOrDefault(row.serviceArn, List.of()) : null));
                                    }
                                }
                                return new DescribeServicesResponse(services, failures);
                            }));
                });
    }

    /** ACTIVE services only (DRAINING and INACTIVE ones are not listed), by name. */
    public Uni<ListServicesResponse> list(Scope scope, ListServicesRequest request) {
        int size = Paging.maxResults(request.maxResults(), 10);
        String clusterName = Arns.clusterName(scope, request.cluster());
        if (request.launchType() != null && !LAUNCH_TYPES.contains(request.launchType())) {
            throw EcsException.invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL.");
        }
        if (request.schedulingStrategy() != null && !SCHEDULING_STRATEGIES.contains(request.schedulingStrategy())) {
            throw EcsException.invalidParameter("schedulingStrategy must be REPLICA or DAEMON.");
        }
        String after = request.nextToken() == null ? ""
                : PageToken.decode("ListServices", request.nextToken(), 1).get(0);
        StringBuilder query = new StringBuilder(
                "account = ?1 and region = ?2 and clusterName = ?3 and status = ?4 and serviceName > ?5");
        List<Object> parameters = new ArrayList<>(List.of(scope.account(), scope.region(), clusterName,
                Service.ACTIVE, after));
        if (request.launchType() != null) {
            parameters.add(request.launchType());
            query.append(" and launchType = ?").append(parameters.size());
        }
        if (request.schedulingStrategy() != null) {
            parameters.add(request.schedulingStrategy());
            query.append(" and schedulingStrategy = ?").append(parameters.size());
        }
        return existingCluster(scope, clusterName)
                .chain(() -> ServiceView.<ServiceView>find(query.toString(), Sort.by("serviceName"),
                        parameters.toArray()).range(0, size).list())
                .map(rows -> {
                    Paging.Page<ServiceView> page = Paging.cut("ListServices", rows, size,
                            row -> List.of(row.serviceName));
                    return new ListServicesResponse(page.items().stream().map(row -> row.serviceArn).toList(),
                            page.nextToken());
                });
    }

    static Uni<Void> existingCluster(Scope scope, String clusterName) {
        return ClusterView.count("account = ?1 and region = ?2 and clusterName = ?3", scope.account(),
                scope.region(), clusterName)
                .chain(count -> count == 0 ? Uni.createFrom().failure(EcsException.clusterNotFound())
                        : Uni.createFrom().voidItem());
    }

    /** The service name a reference gives, or null for an ARN of another account or region (reported MISSING). */
    private static String serviceName(Scope scope, String clusterName, String reference) {
        try {
            return Arns.serviceName(scope, clusterName, reference);
        } catch (EcsException e) {
            if (e.code() == ErrorCode.SERVICE_NOT_FOUND_EXCEPTION) {
                return null;
            }
            throw e;
        }
    }

    /** Each service's events[], newest first. */
    private static Uni<Map<String, List<ServiceEvent>>> events(List<String> serviceArns) {
        if (serviceArns.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ServiceEventView.<ServiceEventView>list(
                "serviceArn in ?1 order by serviceArn, logPartition desc, logOffset desc", serviceArns)
                .map(rows -> {
                    Map<String, List<ServiceEvent>> events = new HashMap<>();
                    for (ServiceEventView row : rows) {
                        events.computeIfAbsent(row.serviceArn, arn -> new ArrayList<>())
                                .add(new ServiceEvent(row.eventId, row.createdAt, row.message));
                    }
                    return events;
                });
    }

    private static Service shown(ServiceView row, List<ServiceEvent> events, List<Tag> tags) {
        Map<String, Object> members = new HashMap<>();
        members.put("events", events);
        members.put("tags", tags);
        return Json.with(Json.read(row.document, Service.class), members);
    }
}
