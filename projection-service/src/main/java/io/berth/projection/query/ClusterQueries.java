package io.berth.projection.query;

import io.berth.core.arn.Arns;
import io.berth.core.arn.ParsedArn;
import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import io.berth.core.model.Cluster;
import io.berth.core.model.ClusterCounts;
import io.berth.core.model.Failure;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.Service;
import io.berth.core.model.Tag;
import io.berth.projection.view.ClusterView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** DescribeClusters and ListClusters (ecs-semantics §2, §3.1). */
@ApplicationScoped
public class ClusterQueries {

    static final Set<String> INCLUDES = Set.of("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS");
    private static final int MAX_DESCRIBED = 100;

    public record DescribeClustersRequest(List<String> clusters, List<String> include) {
    }

    public record DescribeClustersResponse(List<Cluster> clusters, List<Failure> failures) {
    }

    public record ListClustersRequest(String nextToken, Integer maxResults) {
    }

    public record ListClustersResponse(List<String> clusterArns, String nextToken) {
    }

    public Uni<DescribeClustersResponse> describe(Scope scope, DescribeClustersRequest request) {
        Set<String> include = Includes.check(request.include(), INCLUDES);
        List<String> references = request.clusters() == null || request.clusters().isEmpty() ? List.of("default")
                : request.clusters();
        if (references.size() > MAX_DESCRIBED) {
            throw EcsException.invalidParameter("At most " + MAX_DESCRIBED + " clusters can be described at once.");
        }
        Map<String, Optional<String>> names = new HashMap<>();
        for (String reference : references) {
            names.put(reference, clusterName(scope, reference));
        }
        Set<String> wanted = new LinkedHashSet<>();
        names.values().forEach(name -> name.ifPresent(wanted::add));
        Uni<List<ClusterView>> found = wanted.isEmpty() ? Uni.createFrom().item(List.of())
                : ClusterView.list("account = ?1 and region = ?2 and clusterName in ?3", scope.account(),
                        scope.region(), List.copyOf(wanted));
        return found
                .chain(rows -> serviceCounts(scope, wanted).chain(counts -> tagsIfAsked(include, rows)
                        .map(tags -> {
                            Map<String, ClusterView> byName = new HashMap<>();
                            rows.forEach(row -> byName.put(row.clusterName, row));
                            List<Cluster> clusters = new ArrayList<>();
                            List<Failure> failures = new ArrayList<>();
                            for (String reference : references) {
                                ClusterView row = names.get(reference).map(byName::get).orElse(null);
                                if (row == null) {
                                    failures.add(Failure.missing(names.get(reference)
                                            .map(name -> Arns.cluster(scope, name)).orElse(reference)));
                                } else {
                                    clusters.add(shown(row, include, counts.get(row.clusterName),
                                            tags.getOrDefault(row.clusterArn, List.of())));
                                }
                            }
                            return new DescribeClustersResponse(clusters, failures);
                        })));
    }

    public Uni<ListClustersResponse> list(Scope scope, ListClustersRequest request) {
        int size = Paging.maxResults(request.maxResults(), 100);
        String after = request.nextToken() == null ? ""
                : PageToken.decode("ListClusters", request.nextToken(), 1).get(0);
        return ClusterView.<ClusterView>find("account = ?1 and region = ?2 and status = ?3 and clusterName > ?4",
                Sort.by("clusterName"), scope.account(), scope.region(), Cluster.ACTIVE, after)
                .range(0, size).list()
                .map(rows -> {
                    Paging.Page<ClusterView> page = Paging.cut("ListClusters", rows, size,
                            row -> List.of(row.clusterName));
                    return new ListClustersResponse(page.items().stream().map(row -> row.clusterArn).toList(),
                            page.nextToken());
                });
    }

    /** The name a reference names in this scope; empty when it cannot name a cluster here. */
    private static Optional<String> clusterName(Scope scope, String reference) {
        if (!Arns.isArn(reference)) {
            return Optional.of(reference);
        }
        return Arns.parse(reference)
                .filter(arn -> arn.service().equals("ecs") && arn.resourceType().equals("cluster"))
                .filter(arn -> arn.scope().equals(scope))
                .map(ParsedArn::path);
    }

    /** Service counts per cluster and status: ACTIVE and DRAINING, split by launch type. */
    private static Uni<Map<String, ServiceCounts>> serviceCounts(Scope scope, Set<String> clusterNames) {
        if (clusterNames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select s.clusterName, s.status, s.launchType, count(s) from ServiceView s"
                        + " where s.account = ?1 and s.region = ?2 and s.clusterName in ?3"
                        + " and s.status in ('ACTIVE', 'DRAINING')"
                        + " group by s.clusterName, s.status, s.launchType", Object[].class)
                .setParameter(1, scope.account())
                .setParameter(2, scope.region())
                .setParameter(3, List.copyOf(clusterNames))
                .getResultList())
                .map(rows -> {
                    Map<String, ServiceCounts> counts = new HashMap<>();
                    for (Object[] row : rows) {
                        counts.computeIfAbsent((String) row[0], name -> new ServiceCounts())
                                .add((String) row[1], (String) row[2], ((Number) row[3]).intValue());
                    }
                    return counts;
                });
    }

    private static Uni<Map<String, List<Tag>>> tagsIfAsked(Set<String> include, List<ClusterView> rows) {
        if (!include.contains("TAGS")) {
            return Uni.createFrom().item(Map.of());
        }
        return ResourceTags.of(rows.stream().map(row -> row.clusterArn).toList());
    }

    /** The cluster as DescribeClusters shows it: members not asked for left out, counts filled in. */
    private static Cluster shown(ClusterView row, Set<String> include, ServiceCounts counts, List<Tag> tags) {
        Cluster stored = Json.read(row.document, Cluster.class);
        ServiceCounts services = counts == null ? new ServiceCounts() : counts;
        boolean attachments = include.contains("ATTACHMENTS");
        Cluster trimmed = new Cluster(stored.clusterArn(), stored.clusterName(),
                include.contains("CONFIGURATIONS") ? stored.configuration() : null, stored.status(), null, null,
                null, null, null, null, include.contains("SETTINGS") ? stored.settings() : null,
                stored.capacityProviders(), stored.defaultCapacityProviderStrategy(),
                attachments ? stored.attachments() : null, attachments ? stored.attachmentsStatus() : null,
                stored.serviceConnectDefaults());
        ClusterCounts clusterCounts = new ClusterCounts(0, 0, 0, services.active());
        return trimmed.forResponse(clusterCounts, include.contains("TAGS") ? tags : null,
                include.contains("STATISTICS") ? services.statistics() : null);
    }

    /** Counts of a cluster's services by status and EC2/Fargate; tasks arrive with the capacity layer. */
    private static final class ServiceCounts {

        private int activeEc2;
        private int activeFargate;
        private int drainingEc2;
        private int drainingFargate;

        void add(String status, String launchType, int count) {
            boolean fargate = "FARGATE".equals(launchType);
            if (Service.ACTIVE.equals(status)) {
                if (fargate) {
                    activeFargate += count;
                } else {
                    activeEc2 += count;
                }
            } else if (fargate) {
                drainingFargate += count;
            } else {
                drainingEc2 += count;
            }
        }

        int active() {
            return activeEc2 + activeFargate;
        }

        List<KeyValuePair> statistics() {
            return List.of(
                    new KeyValuePair("runningEC2TasksCount", "0"),
                    new KeyValuePair("runningFargateTasksCount", "0"),
                    new KeyValuePair("pendingEC2TasksCount", "0"),
                    new KeyValuePair("pendingFargateTasksCount", "0"),
                    new KeyValuePair("activeEC2ServiceCount", String.valueOf(activeEc2)),
                    new KeyValuePair("activeFargateServiceCount", String.valueOf(activeFargate)),
                    new KeyValuePair("drainingEC2ServiceCount", String.valueOf(drainingEc2)),
                    new KeyValuePair("drainingFargateServiceCount", String.valueOf(drainingFargate)));
        }
    }
}
