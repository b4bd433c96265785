package io.berth.projection.query;

import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.projection.view.LogStreamView;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** DescribeLogStreams of CloudWatch Logs over the container output. */
@ApplicationScoped
public class LogStreamQueries {

    private static final String BY_NAME = "LogStreamName";
    private static final String BY_LAST_EVENT = "LastEventTime";
    private static final int MAX_LIMIT = 50;

    public record DescribeLogStreamsRequest(String logGroupName, String logGroupIdentifier,
            String logStreamNamePrefix, String orderBy, Boolean descending, String nextToken, Integer limit) {
    }

    /** Times in epoch milliseconds; {@code creationTime} is when the stream's first output was ingested. */
    public record LogStream(String logStreamName, long creationTime, long firstEventTimestamp,
            long lastEventTimestamp, long lastIngestionTime, String arn) {
    }

    public record DescribeLogStreamsResponse(List<LogStream> logStreams, String nextToken) {
    }

    /**
     * A group's streams by name (optionally those with a prefix) or by last event time (then by
     * name; no prefix allowed then, as in CloudWatch Logs), ascending or descending.
     */
    public Uni<DescribeLogStreamsResponse> describe(Scope scope, DescribeLogStreamsRequest request) {
        String group = LogGroups.name(scope, request.logGroupName(), request.logGroupIdentifier());
        String orderBy = request.orderBy() == null ? BY_NAME : request.orderBy();
        if (!orderBy.equals(BY_NAME) && !orderBy.equals(BY_LAST_EVENT)) {
            throw EcsException.invalidParameter("orderBy must be LogStreamName or LastEventTime.");
        }
        boolean byName = orderBy.equals(BY_NAME);
        if (!byName && request.logStreamNamePrefix() != null) {
            throw EcsException.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        int limit = request.limit() == null ? MAX_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw EcsException.invalidParameter("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        boolean descending = Boolean.TRUE.equals(request.descending());
        String beyond = descending ? "<" : ">";
        StringBuilder where = new StringBuilder("account = ?1 and region = ?2 and logGroup = ?3");
        List<Object> parameters = new ArrayList<>(List.of(scope.account(), scope.region(), group));
        if (request.logStreamNamePrefix() != null) {
            parameters.add(LikePatterns.prefix(request.logStreamNamePrefix()));
            where.append(" and logStream like ?").append(parameters.size()).append(" escape '\\'");
        }
        if (request.nextToken() != null) {
            List<String> last = PageToken.decode("DescribeLogStreams", request.nextToken(), byName ? 1 : 2);
            if (byName) {
                parameters.add(last.get(0));
                where.append(" and logStream ").append(beyond).append(" ?").append(parameters.size());
            } else {
                parameters.add(lastEventTime(last.get(0)));
                parameters.add(last.get(1));
                where.append(" and (lastEventTimestamp, logStream) ").append(beyond).append(" (?")
                        .append(parameters.size() - 1).append(", ?").append(parameters.size()).append(")");
            }
        }
        String[] columns = byName ? new String[] {"logStream"} : new String[] {"lastEventTimestamp", "logStream"};
        Sort order = descending ? Sort.descending(columns) : Sort.ascending(columns);
        return LogGroups.existing(scope, group)
                .chain(() -> LogStreamView.<LogStreamView>find(where.toString(), order, parameters.toArray())
                        .range(0, limit).list())
                .map(rows -> {
                    Paging.Page<LogStreamView> page = Paging.cut("DescribeLogStreams", rows, limit,
                            row -> byName ? List.of(row.logStream)
                                    : List.of(String.valueOf(row.lastEventTimestamp), row.logStream));
                    return new DescribeLogStreamsResponse(page.items().stream()
                            .map(row -> new LogStream(row.logStream, row.creationTime, row.firstEventTimestamp,
                                    row.lastEventTimestamp, row.lastIngestionTime,
                                    LogGroups.streamArn(scope, group, row.logStream)))
                            .toList(), page.nextToken());
                });
    }

    private static long lastEventTime(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw EcsException.invalidParameter("Invalid nextToken.");
        }
    }
}
