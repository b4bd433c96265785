package io.berth.projection.query;

import io.berth.core.arn.Arns;
import io.berth.core.arn.ParsedArn;
import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import io.berth.core.model.Cluster;
import io.berth.core.model.Failure;
import io.berth.core.model.Tag;
import io.berth.projection.view.ClusterView;
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
                .chain(rows -> ClusterTallies.of(scope, wanted).chain(tallies -> tagsIfAsked(include, rows)
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
                                    clusters.add(shown(row, include, tallies.get(row.clusterName),
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

    private static Uni<Map<String, List<Tag>>> tagsIfAsked(Set<String> include, List<ClusterView> rows) {
        if (!include.contains("TAGS")) {
            return Uni.createFrom().item(Map.of());
        }
        return ResourceTags.of(rows.stream().map(row -> row.clusterArn).toList());
    }

    /** The cluster as DescribeClusters shows it: members not asked for left out, counts filled in. */
    private static Cluster shown(ClusterView row, Set<String> include, ClusterTallies.Tally tally, List<Tag> tags) {
        Cluster stored = Json.read(row.document, Cluster.class);
        boolean attachments = include.contains("ATTACHMENTS");
        Cluster trimmed = new Cluster(stored.clusterArn(), stored.clusterName(),
                include.contains("CONFIGURATIONS") ? stored.configuration() : null, stored.status(), null, null,
                null, null, null, null, include.contains("SETTINGS") ? stored.settings() : null,
                stored.capacityProviders(), stored.defaultCapacityProviderStrategy(),
                attachments ? stored.attachments() : null, attachments ? stored.attachmentsStatus() : null,
                stored.serviceConnectDefaults());
        return trimmed.forResponse(tally.counts(), include.contains("TAGS") ? tags : null,
                include.contains("STATISTICS") ? tally.statistics() : null);
    }
}
