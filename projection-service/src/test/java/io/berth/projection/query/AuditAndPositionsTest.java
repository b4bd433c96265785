package io.berth.projection.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.berth.projection.support.Accounts;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class AuditAndPositionsTest {

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void theAuditTellsAResourcesHistoryInLogOrderPageByPage() {
        Scenario s = new Scenario(Accounts.fresh()).createCluster("c");
        for (int i = 0; i < 6; i++) {
            s.tag(s.clusterArn("c"), "k" + i, "v");
        }
        s.deleteCluster("c").createCluster("other");
        EventLog.Written written = append(s);
        new EcsApi(s.account()).call("DescribeClusters", "{'clusters':['c']}", written).statusCode(200);

        List<Map<String, Object>> entries = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().queryParam("account", s.account()).queryParam("region", Scenario.REGION)
                    .queryParam("resourceArn", s.clusterArn("c")).queryParam("limit", 3);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/internal/audit").then().statusCode(200).extract().jsonPath();
            entries.addAll(page.getList("entries"));
            after = page.getString("next");
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(entries).extracting(e -> e.get("eventType")).containsExactly("ClusterCreated",
                "ResourceTagged", "ResourceTagged", "ResourceTagged", "ResourceTagged", "ResourceTagged",
                "ResourceTagged", "ClusterDeleted");
        assertThat(entries).extracting(e -> ((Number) e.get("offset")).longValue()).isSorted();
        Map<String, Object> first = entries.get(0);
        assertThat(first).containsEntry("resourceArn", s.clusterArn("c"))
                .containsEntry("account", s.account())
                .containsEntry("region", Scenario.REGION)
                .containsEntry("actor", "arn:aws:iam::" + s.account() + ":user/tester")
                .containsEntry("eventId", "evt-" + s.account() + "-1")
                .containsEntry("correlationId", "corr-" + s.account() + "-1")
                .containsEntry("causationId", "cmd-" + s.account() + "-1")
                .containsEntry("topic", "berth.events")
                .containsKeys("time", "partition");
    }

    @Test
    void theAuditOfAWholeAccountAndRegionHasEveryResource() {
        Scenario s = new Scenario(Accounts.fresh()).createCluster("a").registerTaskDefinition("web");
        EventLog.Written written = append(s);
        new EcsApi(s.account()).call("ListClusters", "{}", written).statusCode(200);

        given().queryParam("account", s.account()).queryParam("region", Scenario.REGION)
                .get("/internal/audit").then()
                .statusCode(200)
                .body("entries.resourceArn", org.hamcrest.Matchers.containsInAnyOrder(s.clusterArn("a"),
                        s.taskDefinitionArn("web", 1)))
                .body("next", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theAuditRefusesBadParameters() {
        String arn = "arn:aws:ecs:" + Scenario.REGION + ":123456789012:cluster/c";
        for (Map<String, Object> params : List.<Map<String, Object>>of(
                Map.of("account", "12", "region", Scenario.REGION, "resourceArn", arn),
                Map.of("account", Accounts.fresh(), "resourceArn", arn),
                Map.of("account", Accounts.fresh(), "region", Scenario.REGION, "resourceArn", arn, "limit", 0),
                Map.of("account", Accounts.fresh(), "region", Scenario.REGION, "resourceArn", arn, "after", "1:2,3:4"),
                Map.of("account", Accounts.fresh(), "region", Scenario.REGION, "resourceArn", arn, "after", "x"))) {
            given().queryParams(params).get("/internal/audit").then()
                    .statusCode(400)
                    .body("__type", equalTo("InvalidParameterException"));
        }
    }

    @Test
    void positionsShowWhatTheViewsHaveApplied() {
        Scenario s = new Scenario(Accounts.fresh()).createCluster("a").createCluster("b").createCluster("c");
        EventLog.Written written = append(s);
        new EcsApi(s.account()).call("ListClusters", "{}", written).statusCode(200);

        JsonPath positions = given().get("/internal/positions").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = positions.getList("positions");
        assertThat(rows).extracting(row -> row.get("topic")).containsOnly("berth.events");
        for (Map.Entry<Integer, Long> last : written.lastOffsets().entrySet()) {
            assertThat(rows).anySatisfy(row -> {
                assertThat(row.get("partition")).isEqualTo(last.getKey());
                assertThat(((Number) row.get("nextOffset")).longValue()).isGreaterThan(last.getValue());
            });
        }
    }

    private EventLog.Written append(Scenario scenario) {
        try (EventLog log = new EventLog(bootstrapServers)) {
            return log.append(scenario.drain());
        }
    }
}
