package io.berth.projection.query;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.berth.core.command.CreateCluster;
import io.berth.projection.support.Accounts;
import io.berth.projection.support.EcsApi;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LocalStackResource;
import io.berth.projection.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class TagQueriesTest {

    private static final String ACCOUNT = Accounts.fresh();

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void listsTheCurrentTagsOfClustersServicesAndTaskDefinitionsInTheOrderGiven() {
        Scenario s = new Scenario(Accounts.fresh())
                .request(CreateCluster.class, "{'clusterName':'c','tags':[{'key':'b','value':'1'},"
                        + "{'key':'a','value':'2'}]}")
                .registerTaskDefinition("web")
                .createService("c", "svc", "web");
        s.tag(s.clusterArn("c"), "b", "3")
                .tag(s.clusterArn("c"), "z", "4")
                .untag(s.clusterArn("c"), "a")
                .tag(s.serviceArn("c", "svc"), "k", "v")
                .tag(s.taskDefinitionArn("web", 1), "t", "d")
                .tag(s.taskDefinitionArn("web", 1), "u", "e")
                .untag(s.taskDefinitionArn("web", 1), "t");
        EventLog.Written written;
        try (EventLog log = new EventLog(bootstrapServers)) {
            written = log.append(s.drain());
        }
        EcsApi api = new EcsApi(s.account());

        api.call("ListTagsForResource", "{'resourceArn':'" + s.clusterArn("c") + "'}", written)
                .statusCode(200)
                .body("tags", contains(Map.of("key", "b", "value", "3"), Map.of("key", "z", "value", "4")));
        api.call("ListTagsForResource", "{'resourceArn':'" + s.serviceArn("c", "svc") + "'}")
                .statusCode(200)
                .body("tags", contains(Map.of("key", "k", "value", "v")));
        api.call("ListTagsForResource", "{'resourceArn':'" + s.taskDefinitionArn("web", 1) + "'}")
                .statusCode(200)
                .body("tags", contains(Map.of("key", "u", "value", "e")));
    }

    @Test
    void aResourceWithoutTagsHasAnEmptyList() {
        Scenario s = new Scenario(Accounts.fresh()).createCluster("bare");
        EventLog.Written written;
        try (EventLog log = new EventLog(bootstrapServers)) {
            written = log.append(s.drain());
        }
        new EcsApi(s.account()).call("ListTagsForResource", "{'resourceArn':'" + s.clusterArn("bare") + "'}",
                written)
                .statusCode(200)
                .body("tags", empty());
    }

    static java.util.stream.Stream<Arguments> unknownResources() {
        String prefix = "arn:aws:ecs:" + Scenario.REGION + ":" + ACCOUNT + ":";
        return java.util.stream.Stream.of(
                Arguments.of(org.junit.jupiter.api.Named.of("an unknown cluster", prefix + "cluster/none"),
                        "ClusterNotFoundException"),
                Arguments.of(org.junit.jupiter.api.Named.of("an unknown service", prefix + "service/none/svc"),
                        "ServiceNotFoundException"),
                Arguments.of(org.junit.jupiter.api.Named.of("an unknown task definition",
                        prefix + "task-definition/none:1"), "ResourceNotFoundException"),
                Arguments.of(org.junit.jupiter.api.Named.of("a short service ARN", prefix + "service/svc"),
                        "InvalidParameterException"),
                Arguments.of(org.junit.jupiter.api.Named.of("another account's cluster",
                        "arn:aws:ecs:" + Scenario.REGION + ":999999999999:cluster/c"), "InvalidParameterException"),
                Arguments.of(org.junit.jupiter.api.Named.of("a name instead of an ARN", "c"),
                        "InvalidParameterException"),
                Arguments.of(org.junit.jupiter.api.Named.of("no ARN at all", ""), "InvalidParameterException"));
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @MethodSource("unknownResources")
    void refuses(String resourceArn, String errorType) {
        new EcsApi(ACCOUNT).call("ListTagsForResource", "{'resourceArn':'" + resourceArn + "'}")
                .statusCode(400)
                .body("__type", equalTo(errorType));
    }
}
