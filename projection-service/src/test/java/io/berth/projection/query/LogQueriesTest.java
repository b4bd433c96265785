package io.berth.projection.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.berth.projection.support.Accounts;
import io.berth.projection.support.ContainerOutput;
import io.berth.projection.support.EcsApi;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LocalStackResource;
import io.berth.projection.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** GetLogEvents, FilterLogEvents and DescribeLogStreams over container output written to berth.logs. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class LogQueriesTest {

    private static final String GROUP = "/ecs/web";
    private static final String T1 = "ecs/app/t1";
    private static final String T2 = "ecs/app/t2";
    private static final String SIDECAR = "ecs/sidecar/t1";
    /** T1's lines in order: by timestamp, equal timestamps in the order they were ingested. */
    private static final List<String> T1_LINES = List.of("late line", "starting web", "listening on 8080", "GET / 200",
            "ERROR boom", "GET /health 200");

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    /** An account's output: three streams of one group, and another group. */
    private Output output() {
        String account = Accounts.fresh();
        try (ContainerOutput out = new ContainerOutput(bootstrapServers, account)) {
            List<EventLog.Written> written = new ArrayList<>();
            written.add(out.write(GROUP, T1, 1000, 100, "starting web", 101, "listening on 8080", 101, "GET / 200"));
            written.add(out.write(GROUP, T2, 1500, 102, "ERROR disk full", 200, "bye"));
            written.add(out.write(GROUP, SIDECAR, 1600, 103, "proxy ready"));
            // A line with an older timestamp that arrived later sorts by its timestamp.
            written.add(out.write(GROUP, T1, 2000, 99, "late line", 105, "ERROR boom", 110, "GET /health 200"));
            written.add(out.write("/ecs/other", "s", 2100, 1, "elsewhere"));
            return new Output(account, EcsApi.logs(account), positions(written));
        }
    }

    private record Output(String account, EcsApi api, EventLog.Written written) {
    }

    @Test
    void getsTheNewestLinesOfAStreamAndAnswersItsOwnTokenAtTheEnd() {
        Output o = output();

        JsonPath tail = o.api().call("GetLogEvents", "{'logGroupName':'" + GROUP + "','logStreamName':'" + T1 + "'}",
                o.written()).statusCode(200).extract().jsonPath();

        assertThat(tail.getList("events.message")).isEqualTo(T1_LINES);
        assertThat(tail.getList("events.timestamp")).isEqualTo(List.of(99, 100, 101, 101, 105, 110));
        assertThat(tail.getList("events.ingestionTime")).isEqualTo(List.of(2000, 1000, 1000, 1000, 2000, 2000));
        String forward = tail.getString("nextForwardToken");
        String backward = tail.getString("nextBackwardToken");
        assertThat(forward).startsWith("f/");
        assertThat(backward).startsWith("b/");
        o.api().call("GetLogEvents", body(T1, "'nextToken':'" + forward + "'")).statusCode(200)
                .body("events", empty())
                .body("nextForwardToken", equalTo(forward));
        o.api().call("GetLogEvents", body(T1, "'nextToken':'" + backward + "'")).statusCode(200)
                .body("events", empty())
                .body("nextBackwardToken", equalTo(backward));
    }

    @Test
    void pagesForwardFromTheHeadAndBackwardFromTheTail() {
        Output o = output();

        List<String> forward = new ArrayList<>();
        String token = null;
        JsonPath page = o.api().call("GetLogEvents", body(T1, "'startFromHead':true,'limit':4"), o.written())
                .statusCode(200).extract().jsonPath();
        while (!page.getList("events").isEmpty()) {
            forward.addAll(page.getList("events.message"));
            token = page.getString("nextForwardToken");
            page = o.api().call("GetLogEvents", body(T1, "'limit':4,'nextToken':'" + token + "'")).statusCode(200)
                    .extract().jsonPath();
        }
        assertThat(page.getString("nextForwardToken")).isEqualTo(token);
        assertThat(forward).isEqualTo(T1_LINES);

        List<List<String>> backward = new ArrayList<>();
        page = o.api().call("GetLogEvents", body(T1, "'limit':2")).statusCode(200).extract().jsonPath();
        while (!page.getList("events").isEmpty()) {
            backward.add(page.getList("events.message"));
            token = page.getString("nextBackwardToken");
            page = o.api().call("GetLogEvents", body(T1, "'limit':2,'nextToken':'" + token + "'")).statusCode(200)
                    .extract().jsonPath();
        }
        assertThat(page.getString("nextBackwardToken")).isEqualTo(token);
        assertThat(backward).containsExactly(T1_LINES.subList(4, 6), T1_LINES.subList(2, 4), T1_LINES.subList(0, 2));
    }

    @Test
    void followsAStreamWithTheForwardTokenAndKeepsToATimeRange() {
        Output o = output();
        String forward = o.api().call("GetLogEvents", body(T1, ""), o.written()).statusCode(200)
                .extract().jsonPath().getString("nextForwardToken");
        EventLog.Written more;
        try (ContainerOutput out = new ContainerOutput(bootstrapServers, o.account())) {
            more = out.write(GROUP, T1, 3000, 120, "a new line", 121, "bin\u0000ary");
        }

        o.api().call("GetLogEvents", body(T1, "'nextToken':'" + forward + "'"), more).statusCode(200)
                .body("events.message", contains("a new line", "bin\uFFFDary"));
        // startTime is inclusive, endTime exclusive
        o.api().call("GetLogEvents", body(T1, "'startTime':100,'endTime':105")).statusCode(200)
                .body("events.message", contains("starting web", "listening on 8080", "GET / 200"));
        o.api().call("GetLogEvents", body(T1, "'startTime':500")).statusCode(200)
                .body("events", empty())
                .body("nextForwardToken", startsWith("f/"));
    }

    @Test
    void keepsAPageWithinOneMegabyte() {
        String account = Accounts.fresh();
        String line = "x".repeat(300 * 1024);
        EventLog.Written written = null;
        try (ContainerOutput out = new ContainerOutput(bootstrapServers, account)) {
            for (int i = 0; i < 5; i++) {
                written = out.write(GROUP, T1, 1000 + i, i, line);
            }
        }
        EcsApi api = EcsApi.logs(account);

        JsonPath first = api.call("GetLogEvents", body(T1, "'startFromHead':true"), written).statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("events.timestamp")).isEqualTo(List.of(0, 1, 2));
        api.call("GetLogEvents", body(T1, "'nextToken':'" + first.getString("nextForwardToken") + "'"))
                .statusCode(200)
                .body("events.timestamp", contains(3, 4));
    }

    @Test
    void refusesUnknownGroupsAndStreamsAndBadParameters() {
        Output o = output();
        EcsApi api = o.api();

        api.call("GetLogEvents", "{'logGroupName':'/nowhere','logStreamName':'s'}", o.written()).statusCode(400)
                .body("__type", equalTo("ResourceNotFoundException"))
                .body("message", equalTo("The specified log group does not exist."));
        api.call("GetLogEvents", body("nowhere", "")).statusCode(400)
                .body("__type", equalTo("ResourceNotFoundException"))
                .body("message", equalTo("The specified log stream does not exist."));
        for (String bad : List.of("{'logGroupName':'" + GROUP + "'}",
                "{'logGroupName':'" + GROUP + "','logGroupIdentifier':'" + GROUP + "','logStreamName':'" + T1 + "'}",
                body(T1, "'limit':0"), body(T1, "'limit':10001"), body(T1, "'nextToken':'x/1/2/3/4'"),
                body(T1, "'nextToken':'f/1/2'"))) {
            api.call("GetLogEvents", bad).statusCode(400).body("__type", equalTo("InvalidParameterException"));
        }
        api.call("GetLogEvents", "{'logGroupIdentifier':'arn:aws:logs:" + Scenario.REGION + ":" + o.account()
                + ":log-group:" + GROUP + "','logStreamName':'" + T1 + "'}").statusCode(200)
                .body("events.size()", equalTo(6));
        api.call("PutLogEvents", "{}").statusCode(400).body("__type", equalTo("UnknownOperationException"));
    }

    @Test
    void filtersAGroupsLinesByLiteralTerms() {
        Output o = output();
        EcsApi api = o.api();

        api.call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','filterPattern':'ERROR'}", o.written())
                .statusCode(200)
                .body("events.message", contains("ERROR disk full", "ERROR boom"))
                .body("events.logStreamName", contains(T2, T1))
                .body("events.timestamp", contains(102, 105))
                .body("events.ingestionTime", contains(1500, 2000))
                .body("events[0].eventId", matchesPattern("[0-9]{30}"))
                .body("nextToken", nullValue());
        api.call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','filterPattern':'GET 200'}").statusCode(200)
                .body("events.message", contains("GET / 200", "GET /health 200"));
        api.call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','filterPattern':'\\\"GET /health\\\"'}")
                .statusCode(200)
                .body("events.message", contains("GET /health 200"));
        api.call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','filterPattern':'error'}").statusCode(200)
                .body("events", empty());
        api.call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','logStreamNames':['" + T2 + "']}")
                .statusCode(200)
                .body("events.message", contains("ERROR disk full", "bye"));
        api.call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','logStreamNamePrefix':'ecs/app/',"
                + "'startTime':101,'endTime':103}").statusCode(200)
                .body("events.message", contains("listening on 8080", "GET / 200", "ERROR disk full"));
    }

    @Test
    void pagesThroughFilteredLinesInOrder() {
        Output o = output();
        List<String> all = o.api().call("FilterLogEvents", "{'logGroupName':'" + GROUP + "'}", o.written())
                .statusCode(200).extract().jsonPath().getList("events.message");

        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            JsonPath page = o.api().call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','limit':2"
                    + (token == null ? "" : ",'nextToken':'" + token + "'") + "}").statusCode(200)
                    .extract().jsonPath();
            token = page.getString("nextToken");
            assertThat(page.getList("events")).hasSize(token == null ? 1 : 2);
            paged.addAll(page.getList("events.message"));
        } while (token != null);

        assertThat(all).hasSize(9).startsWith("late line", "starting web").endsWith("GET /health 200", "bye");
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void refusesUnsupportedFilterPatternsAndConflictingStreamSelections() {
        Output o = output();
        EcsApi api = o.api();

        for (String pattern : List.of("{ $.level = \\\"error\\\" }", "[ip, user]", "?ERROR ?WARN", "-DEBUG",
                "%ERR.*%", "\\\"unclosed")) {
            api.call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','filterPattern':'" + pattern + "'}",
                    o.written()).statusCode(400)
                    .body("__type", equalTo("InvalidParameterException"));
        }
        api.call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','logStreamNames':['" + T1 + "'],"
                + "'logStreamNamePrefix':'ecs/'}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("FilterLogEvents", "{'logGroupName':'/nowhere'}").statusCode(400)
                .body("__type", equalTo("ResourceNotFoundException"));
        api.call("FilterLogEvents", "{'logGroupName':'" + GROUP + "','nextToken':'garbled'}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
    }

    @Test
    void describesAGroupsStreamsByNameOrLastEvent() {
        Output o = output();
        EcsApi api = o.api();

        api.call("DescribeLogStreams", "{'logGroupName':'" + GROUP + "'}", o.written()).statusCode(200)
                .body("logStreams.logStreamName", contains(T1, T2, SIDECAR))
                .body("logStreams[0].creationTime", equalTo(1000))
                .body("logStreams[0].firstEventTimestamp", equalTo(99))
                .body("logStreams[0].lastEventTimestamp", equalTo(110))
                .body("logStreams[0].lastIngestionTime", equalTo(2000))
                .body("logStreams[0].arn", equalTo("arn:aws:logs:" + Scenario.REGION + ":" + o.account()
                        + ":log-group:" + GROUP + ":log-stream:" + T1))
                .body("nextToken", nullValue());
        api.call("DescribeLogStreams", "{'logGroupName':'" + GROUP + "','logStreamNamePrefix':'ecs/app/',"
                + "'descending':true}").statusCode(200)
                .body("logStreams.logStreamName", contains(T2, T1));
        api.call("DescribeLogStreams", "{'logGroupName':'" + GROUP + "','orderBy':'LastEventTime'}").statusCode(200)
                .body("logStreams.logStreamName", contains(SIDECAR, T1, T2));

        for (String order : List.of("'orderBy':'LogStreamName'", "'orderBy':'LastEventTime','descending':true")) {
            List<String> paged = new ArrayList<>();
            String token = null;
            do {
                JsonPath page = api.call("DescribeLogStreams", "{'logGroupName':'" + GROUP + "','limit':2," + order
                        + (token == null ? "" : ",'nextToken':'" + token + "'") + "}").statusCode(200)
                        .extract().jsonPath();
                token = page.getString("nextToken");
                paged.addAll(page.getList("logStreams.logStreamName"));
            } while (token != null);
            assertThat(paged).as(order).isEqualTo(order.contains("descending") ? List.of(T2, T1, SIDECAR)
                    : List.of(T1, T2, SIDECAR));
        }
    }

    @Test
    void refusesBadStreamListings() {
        Output o = output();
        EcsApi api = o.api();

        api.call("DescribeLogStreams", "{'logGroupName':'/nowhere'}", o.written()).statusCode(400)
                .body("__type", equalTo("ResourceNotFoundException"))
                .body("message", equalTo("The specified log group does not exist."));
        for (String bad : List.of("{'logGroupName':'" + GROUP + "','orderBy':'LastEventTime','logStreamNamePrefix':'e'}",
                "{'logGroupName':'" + GROUP + "','orderBy':'Size'}", "{'logGroupName':'" + GROUP + "','limit':51}",
                "{}")) {
            api.call("DescribeLogStreams", bad).statusCode(400).body("__type", equalTo("InvalidParameterException"));
        }
    }

    private static String body(String stream, String more) {
        return "{'logGroupName':'" + GROUP + "','logStreamName':'" + stream + "'" + (more.isEmpty() ? "" : "," + more)
                + "}";
    }

    /** The last position written on each partition. */
    private static EventLog.Written positions(List<EventLog.Written> written) {
        Map<Integer, Long> last = new TreeMap<>();
        written.forEach(w -> w.lastOffsets().forEach((p, offset) -> last.merge(p, offset, Math::max)));
        return new EventLog.Written(last);
    }
}
