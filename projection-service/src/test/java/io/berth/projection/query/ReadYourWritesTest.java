package io.berth.projection.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.berth.projection.live.LiveProjection;
import io.berth.projection.support.Accounts;
import io.berth.projection.support.EcsApi;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LocalStackResource;
import io.berth.projection.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ReadYourWritesTest {

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    @Inject
    LiveProjection live;

    @Test
    void aReadWaitsUntilTheViewsReachTheWritesPosition() throws Exception {
        Scenario s = new Scenario(Accounts.fresh()).createCluster("late");
        EcsApi api = new EcsApi(s.account());
        live.stop();
        EventLog.Written written;
        CompletableFuture<ValidatableResponse> read;
        try {
            try (EventLog log = new EventLog(bootstrapServers)) {
                written = log.append(s.drain());
            }
            read = CompletableFuture.supplyAsync(() -> api.call("DescribeClusters", "{'clusters':['late']}",
                    written));
            Thread.sleep(500);
            assertThat(read).as("the read waits while the projection is behind").isNotDone();
        } finally {
            live.start();
        }
        read.get(10, TimeUnit.SECONDS)
                .statusCode(200)
                .body("clusters.clusterName", contains("late"));
    }

    @Test
    void aReadAnswersAfterTheBoundedWaitWhenThePositionIsNotReached() {
        long started = System.nanoTime();
        new EcsApi(Accounts.fresh()).call("ListClusters", "{}", new EventLog.Written(Map.of(0, 1_000_000_000L)))
                .statusCode(200)
                .body("clusterArns", empty());
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(8));
    }

    @Test
    void aMalformedPositionIsRefused() {
        io.restassured.RestAssured.given()
                .header("X-Berth-Account", Accounts.fresh())
                .header("X-Berth-Region", Scenario.REGION)
                .header("X-Berth-Min-Position", "zero:12")
                .contentType("application/json")
                .body("{}")
                .post("/internal/ecs/ListClusters")
                .then()
                .statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
    }

    @Test
    void anUnknownOperationOrScopeIsRefused() {
        new EcsApi(Accounts.fresh()).call("CreateCluster", "{}")
                .statusCode(400)
                .body("__type", equalTo("UnknownOperationException"));
        new EcsApi("42").call("ListClusters", "{}")
                .statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        new EcsApi(Accounts.fresh()).call("ListClusters", "{'maxResults':'many'}")
                .statusCode(400)
                .body("__type", equalTo("SerializationException"));
    }
}
