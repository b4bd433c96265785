package io.berth.projection.query;

import io.berth.core.arn.Scope;
import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import io.berth.core.model.Tag;
import io.berth.core.model.TaskDefinition;
import io.berth.projection.view.TaskDefinitionView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** DescribeTaskDefinition, ListTaskDefinitions and ListTaskDefinitionFamilies (ecs-semantics §2, §3.2). */
@ApplicationScoped
public class TaskDefinitionQueries {

    private static final Set<String> STATUSES = Set.of(TaskDefinition.ACTIVE, TaskDefinition.INACTIVE,
            TaskDefinition.DELETE_IN_PROGRESS);
    private static final Set<String> FAMILY_STATUSES = Set.of("ACTIVE", "INACTIVE", "ALL");

    public record DescribeTaskDefinitionRequest(String taskDefinition, List<String> include) {
    }

    public record DescribeTaskDefinitionResponse(TaskDefinition taskDefinition, List<Tag> tags) {
    }

    public record ListTaskDefinitionsRequest(String familyPrefix, String status, String sort, String nextToken,
            Integer maxResults) {
    }

    public record ListTaskDefinitionsResponse(List<String> taskDefinitionArns, String nextToken) {
    }

    public record ListTaskDefinitionFamiliesRequest(String familyPrefix, String status, String nextToken,
            Integer maxResults) {
    }

    public record ListTaskDefinitionFamiliesResponse(List<String> families, String nextToken) {
    }

    public Uni<DescribeTaskDefinitionResponse> describe(Scope scope, DescribeTaskDefinitionRequest request) {
        boolean withTags = Includes.check(request.include(), Set.of("TAGS")).contains("TAGS");
        TaskDefinitionRef ref = TaskDefinitionRef.parse(scope, request.taskDefinition());
        Uni<TaskDefinitionView> found = ref.revision().isPresent()
                ? TaskDefinitionView.find("account = ?1 and region = ?2 and family = ?3 and revision = ?4",
                        scope.account(), scope.region(), ref.family(), ref.revision().getAsInt()).firstResult()
                : TaskDefinitionView.find("account = ?1 and region = ?2 and family = ?3 and status = ?4",
                        Sort.descending("revision"), scope.account(), scope.region(), ref.family(),
                        TaskDefinition.ACTIVE).firstResult();
        return found.chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(EcsException.client("Unable to describe task definition."));
            }
            TaskDefinition taskDefinition = Json.read(row.document, TaskDefinition.class);
            if (!withTags) {
                return Uni.createFrom().item(new DescribeTaskDefinitionResponse(taskDefinition, null));
            }
            return ResourceTags.of(row.taskDefinitionArn)
                    .map(tags -> new DescribeTaskDefinitionResponse(taskDefinition, tags));
        });
    }

    /** Revisions of one family ({@code familyPrefix} is the full family name, as in ECS) or of all. */
    public Uni<ListTaskDefinitionsResponse> list(Scope scope, ListTaskDefinitionsRequest request) {
        int size = Paging.maxResults(request.maxResults(), 100);
        String status = request.status() == null ? TaskDefinition.ACTIVE : request.status();
        if (!STATUSES.contains(status)) {
            throw EcsException.invalidParameter("status must be one of ACTIVE, INACTIVE, DELETE_IN_PROGRESS.");
        }
        String sort = request.sort() == null ? "ASC" : request.sort();
        if (!sort.equals("ASC") && !sort.equals("DESC")) {
            throw EcsException.invalidParameter("sort must be ASC or DESC.");
        }
        boolean ascending = sort.equals("ASC");
        StringBuilder query = new StringBuilder("account = ?1 and region = ?2 and status = ?3");
        List<Object> parameters = new ArrayList<>(List.of(scope.account(), scope.region(), status));
        if (request.familyPrefix() != null) {
            parameters.add(request.familyPrefix());
            query.append(" and family = ?").append(parameters.size());
        }
        if (request.nextToken() != null) {
            List<String> after = PageToken.decode("ListTaskDefinitions", request.nextToken(), 2);
            int revision = revision(after.get(1));
            String beyond = ascending ? ">" : "<";
            parameters.add(after.get(0));
            int family = parameters.size();
            parameters.add(revision);
            query.append(" and (family ").append(beyond).append(" ?").append(family).append(" or (family = ?")
                    .append(family).append(" and revision ").append(beyond).append(" ?").append(parameters.size())
                    .append("))");
        }
        Sort order = ascending ? Sort.ascending("family", "revision") : Sort.descending("family", "revision");
        return TaskDefinitionView.<TaskDefinitionView>find(query.toString(), order, parameters.toArray())
                .range(0, size).list()
                .map(rows -> {
                    Paging.Page<TaskDefinitionView> page = Paging.cut("ListTaskDefinitions", rows, size,
                            row -> List.of(row.family, String.valueOf(row.revision)));
                    return new ListTaskDefinitionsResponse(
                            page.items().stream().map(row -> row.taskDefinitionArn).toList(), page.nextToken());
                });
    }

    /**
     * Family names starting with {@code familyPrefix}: ACTIVE means families with at least one
     * ACTIVE revision, INACTIVE families with none, ALL every family.
     */
    public Uni<ListTaskDefinitionFamiliesResponse> families(Scope scope, ListTaskDefinitionFamiliesRequest request) {
        int size = Paging.maxResults(request.maxResults(), 100);
        String status = request.status() == null ? "ACTIVE" : request.status();
        if (!FAMILY_STATUSES.contains(status)) {
            throw EcsException.invalidParameter("status must be one of ACTIVE, INACTIVE, ALL.");
        }
        String after = request.nextToken() == null ? ""
                : PageToken.decode("ListTaskDefinitionFamilies", request.nextToken(), 1).get(0);
        String prefix = request.familyPrefix() == null ? "" : request.familyPrefix();
        String having = switch (status) {
            case "ACTIVE" -> " having sum(case when t.status = 'ACTIVE' then 1 else 0 end) > 0";
            case "INACTIVE" -> " having sum(case when t.status = 'ACTIVE' then 1 else 0 end) = 0";
            default -> "";
        };
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select t.family from TaskDefinitionView t"
                        + " where t.account = ?1 and t.region = ?2 and t.family like ?3 escape '\\' and t.family > ?4"
                        + " group by t.family" + having + " order by t.family", String.class)
                .setParameter(1, scope.account())
                .setParameter(2, scope.region())
                .setParameter(3, LikePatterns.prefix(prefix))
                .setParameter(4, after)
                .setMaxResults(size + 1)
                .getResultList())
                .map(rows -> {
                    Paging.Page<String> page = Paging.cut("ListTaskDefinitionFamilies", rows, size, List::of);
                    return new ListTaskDefinitionFamiliesResponse(page.items(), page.nextToken());
                });
    }

    private static int revision(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw EcsException.invalidParameter("Invalid nextToken.");
        }
    }
}
