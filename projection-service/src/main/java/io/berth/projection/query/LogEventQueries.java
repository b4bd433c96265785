package io.berth.projection.query;

import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.projection.view.LogEventView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GetLogEvents and FilterLogEvents of CloudWatch Logs over the container output. Lines are in
 * {@link LogEventKey} order (timestamp, then ingestion), and a page holds at most {@code limit}
 * lines (10,000 by default) and 1 MB, counting each line as its UTF-8 message plus 26 bytes, as
 * CloudWatch Logs does.
 */
@ApplicationScoped
public class LogEventQueries {

    static final int MAX_EVENTS = 10_000;
    static final int MAX_PAGE_BYTES = 1_048_576;
    private static final int EVENT_OVERHEAD_BYTES = 26;
    private static final int MAX_STREAM_NAMES = 100;

    public record GetLogEventsRequest(String logGroupName, String logGroupIdentifier, String logStreamName,
            Long startTime, Long endTime, String nextToken, Integer limit, Boolean startFromHead) {
    }

    public record OutputLogEvent(long timestamp, String message, long ingestionTime) {
    }

    public record GetLogEventsResponse(List<OutputLogEvent> events, String nextForwardToken,
            String nextBackwardToken) {
    }

    public record FilterLogEventsRequest(String logGroupName, String logGroupIdentifier, List<String> logStreamNames,
            String logStreamNamePrefix, Long startTime, Long endTime, String filterPattern, String nextToken,
            Integer limit) {
    }

    public record FilteredLogEvent(String logStreamName, long timestamp, String message, long ingestionTime,
            String eventId) {
    }

    public record FilterLogEventsResponse(List<FilteredLogEvent> events, String nextToken) {
    }

    /**
     * One stream's lines within [startTime, endTime). Without a token: the newest page, or the
     * oldest with {@code startFromHead}. {@code f/<cut>} continues after the cut, {@code b/<cut>}
     * before it; a page of nothing answers the token it was given, which is how a reader knows
     * it has reached the end. Events are always in ascending order.
     */
    public Uni<GetLogEventsResponse> getLogEvents(Scope scope, GetLogEventsRequest request) {
        String group = LogGroups.name(scope, request.logGroupName(), request.logGroupIdentifier());
        if (request.logStreamName() == null || request.logStreamName().isEmpty()) {
            throw EcsException.invalidParameter("logStreamName is required.");
        }
        int limit = limit(request.limit());
        Direction direction;
        LogEventKey cut;
        if (request.nextToken() != null) {
            String[] token = request.nextToken().split("/", 2);
            if (token.length != 2 || !(token[0].equals("f") || token[0].equals("b"))) {
                throw LogEventKey.invalidToken();
            }
            direction = token[0].equals("f") ? Direction.FORWARD : Direction.BACKWARD;
            cut = LogEventKey.of(List.of(token[1].split("/", -1)));
        } else if (Boolean.TRUE.equals(request.startFromHead())) {
            direction = Direction.FORWARD;
            cut = LogEventKey.FIRST;
        } else {
            direction = Direction.BACKWARD;
            cut = LogEventKey.LAST;
        }
        Query query = new Query(scope, group)
                .where("logStream = ?", request.logStreamName())
                .where("timestamp >= ?", request.startTime())
                .where("timestamp < ?", request.endTime());
        return LogGroups.existing(scope, group, request.logStreamName())
                .chain(() -> direction == Direction.FORWARD ? query.after(cut, limit) : query.notAfter(cut, limit))
                .map(rows -> {
                    List<LogEventView> page = direction == Direction.FORWARD ? withinBytes(rows)
                            : reversed(withinBytes(rows));
                    List<OutputLogEvent> events = page.stream()
                            .map(e -> new OutputLogEvent(e.timestamp, e.message, e.ingestionTime)).toList();
                    if (page.isEmpty()) {
                        // Backwards, nothing is left before the cut, so whatever comes later is after FIRST.
                        LogEventKey forward = direction == Direction.FORWARD ? cut : LogEventKey.FIRST;
                        return new GetLogEventsResponse(events, token("f", forward), token("b", cut));
                    }
                    return new GetLogEventsResponse(events,
                            token("f", LogEventKey.of(page.get(page.size() - 1))),
                            token("b", LogEventKey.of(page.get(0)).justBefore()));
                });
    }

    /**
     * A group's lines within [startTime, endTime], of the named streams or those with a prefix,
     * whose message contains every term of the pattern ({@link FilterPattern}); a nextToken as
     * long as more may follow.
     */
    public Uni<FilterLogEventsResponse> filterLogEvents(Scope scope, FilterLogEventsRequest request) {
        String group = LogGroups.name(scope, request.logGroupName(), request.logGroupIdentifier());
        if (request.logStreamNames() != null && request.logStreamNamePrefix() != null) {
            throw EcsException.invalidParameter("logStreamNames and logStreamNamePrefix cannot both be given.");
        }
        if (request.logStreamNames() != null
                && (request.logStreamNames().isEmpty() || request.logStreamNames().size() > MAX_STREAM_NAMES)) {
            throw EcsException.invalidParameter("logStreamNames must name 1 to " + MAX_STREAM_NAMES + " streams.");
        }
        int limit = limit(request.limit());
        FilterPattern pattern = FilterPattern.parse(request.filterPattern());
        LogEventKey after = request.nextToken() == null ? LogEventKey.FIRST
                : LogEventKey.of(PageToken.decode("FilterLogEvents", request.nextToken(), 4));
        Query query = new Query(scope, group)
                .where("logStream in ?", request.logStreamNames())
                .where("logStream like ? escape '\\'", request.logStreamNamePrefix() == null ? null
                        : LikePatterns.prefix(request.logStreamNamePrefix()))
                .where("timestamp >= ?", request.startTime())
                .where("timestamp <= ?", request.endTime());
        for (String term : pattern.terms()) {
            query.where("message like ? escape '\\'", LikePatterns.containing(term));
        }
        return LogGroups.existing(scope, group)
                .chain(() -> query.after(after, limit + 1))
                .map(rows -> {
                    List<LogEventView> page = withinBytes(rows.subList(0, Math.min(rows.size(), limit)));
                    List<FilteredLogEvent> events = page.stream().map(LogEventQueries::filtered).toList();
                    String nextToken = page.size() < rows.size()
                            ? PageToken.encode("FilterLogEvents", LogEventKey.of(page.get(page.size() - 1)).parts())
                            : null;
                    return new FilterLogEventsResponse(events, nextToken);
                });
    }

    private enum Direction {
        FORWARD, BACKWARD
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return MAX_EVENTS;
        }
        if (limit < 1 || limit > MAX_EVENTS) {
            throw EcsException.invalidParameter("limit must be between 1 and " + MAX_EVENTS + ".");
        }
        return limit;
    }

    /** The lines nearest the cut that fit in a page's bytes; at least one, so that paging always moves. */
    private static List<LogEventView> withinBytes(List<LogEventView> rows) {
        long bytes = 0;
        for (int i = 0; i < rows.size(); i++) {
            bytes += rows.get(i).message.getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD_BYTES;
            if (bytes > MAX_PAGE_BYTES && i > 0) {
                return rows.subList(0, i);
            }
        }
        return rows;
    }

    private static List<LogEventView> reversed(List<LogEventView> rows) {
        List<LogEventView> ascending = new ArrayList<>(rows);
        Collections.reverse(ascending);
        return ascending;
    }

    private static String token(String direction, LogEventKey cut) {
        return direction + "/" + String.join("/", cut.parts());
    }

    /** The id of a line: its place in berth.logs, in digits as CloudWatch's ids are. */
    private static FilteredLogEvent filtered(LogEventView e) {
        String eventId = String.format("%05d%019d%06d", e.logPartition, e.logOffset, e.eventIndex);
        return new FilteredLogEvent(e.logStream, e.timestamp, e.message, e.ingestionTime, eventId);
    }

    /** An HQL query over one group's lines, conditions added only for the parameters given. */
    private static final class Query {

        private final StringBuilder where = new StringBuilder(
                "e.account = ?1 and e.region = ?2 and e.logGroup = ?3");
        private final List<Object> parameters = new ArrayList<>();

        Query(Scope scope, String group) {
            parameters.addAll(List.of(scope.account(), scope.region(), group));
        }

        /** Adds {@code condition} (its {@code ?} numbered here) when {@code value} is given. */
        Query where(String condition, Object value) {
            if (value != null) {
                parameters.add(value);
                where.append(" and e.").append(condition.replace("?", "?" + parameters.size()));
            }
            return this;
        }

        /** The first {@code limit} lines after the cut, ascending. */
        Uni<List<LogEventView>> after(LogEventKey cut, int limit) {
            return run(LogEventKey.condition(">", parameters.size() + 1), LogEventKey.ASCENDING, cut, limit);
        }

        /** The last {@code limit} lines up to the cut, newest first. */
        Uni<List<LogEventView>> notAfter(LogEventKey cut, int limit) {
            return run(LogEventKey.condition("<=", parameters.size() + 1), LogEventKey.DESCENDING, cut, limit);
        }

        private Uni<List<LogEventView>> run(String keyCondition, String order, LogEventKey cut, int limit) {
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(cut.parameters());
            return LogEventView.<LogEventView>find("from LogEventView e where " + where + " and " + keyCondition
                    + " order by " + order, all.toArray()).range(0, limit - 1).list();
        }
    }
}
