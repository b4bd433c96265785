package io.berth.core.cluster;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.DeleteCluster;
import io.berth.core.command.DeleteService;
import io.berth.core.command.ResetBoundary;
import io.berth.core.command.TagResource;
import io.berth.core.command.UntagResource;
import io.berth.core.command.UpdateCluster;
import io.berth.core.decide.BoundaryState;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.ClusterCreated;
import io.berth.core.event.ClusterDeleted;
import io.berth.core.event.ResourceTagged;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.model.Tag;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterLifecycleTest {

    private static final String ARN = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod";

    private final BoundaryFixture prod = BoundaryFixture.cluster("prod")
            .withTaskDefinitions(new TaskDefinitions().add("web", 1, "ACTIVE", "bridge"));

    @Test
    void createClusterRecordsAnActiveClusterWithItsLongArn() {
        Decision decision = prod.when(request(CreateCluster.class,
                "{'clusterName':'prod','tags':[{'key':'team','value':'a'}],"
                        + "'settings':[{'name':'containerInsights','value':'enabled'}]}"));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).singleElement().isInstanceOf(ClusterCreated.class);
        assertThat(decision.response().at("/cluster/clusterArn").asText()).isEqualTo(ARN);
        assertThat(decision.response().at("/cluster/status").asText()).isEqualTo("ACTIVE");
        assertThat(decision.response().at("/cluster/activeServicesCount").asInt()).isZero();
        assertThat(decision.response().at("/cluster/tags/0/key").asText()).isEqualTo("team");
    }

    @Test
    void createClusterOnAnExistingNameReturnsItAndAppendsNothing() {
        prod.given(request(CreateCluster.class, "{'clusterName':'prod'}"));

        Decision again = prod.when(request(CreateCluster.class, "{'clusterName':'prod'}"));

        assertThat(again.error()).isNull();
        assertThat(again.events()).isEmpty();
        assertThat(again.response().at("/cluster/clusterArn").asText()).isEqualTo(ARN);
    }

    static Stream<Arguments> rejectedCreations() {
        return Stream.of(
                Arguments.of(Named.of("a name with a space", "bad name"), "{'clusterName':'bad name'}"),
                Arguments.of(Named.of("a reserved tag prefix", "prod"),
                        "{'clusterName':'prod','tags':[{'key':'aws:owner','value':'x'}]}"),
                Arguments.of(Named.of("an unknown setting", "prod"),
                        "{'clusterName':'prod','settings':[{'name':'turbo','value':'on'}]}"),
                Arguments.of(Named.of("an unknown capacity provider", "prod"),
                        "{'clusterName':'prod','capacityProviders':['nope']}"));
    }

    @ParameterizedTest(name = "CreateCluster with {0} is an invalid parameter")
    @MethodSource("rejectedCreations")
    void rejectedCreationAppendsNothing(String name, String body) {
        BoundaryFixture fixture = BoundaryFixture.cluster(name);

        Decision decision = fixture.when(request(CreateCluster.class, body));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(fixture.history()).isEmpty();
    }

    @Test
    void updateClusterReplacesSettings() {
        prod.given(request(CreateCluster.class, "{'clusterName':'prod'}"));

        Decision decision = prod.when(request(UpdateCluster.class,
                "{'cluster':'prod','settings':[{'name':'containerInsights','value':'disabled'}]}"));

        assertThat(decision.response().at("/cluster/settings/0/value").asText()).isEqualTo("disabled");
    }

    @Test
    void anUnknownClusterIsNotFound() {
        Decision decision = prod.when(request(UpdateCluster.class, "{'cluster':'prod','settings':[]}"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CLUSTER_NOT_FOUND_EXCEPTION);
        assertThat(decision.error().message()).isEqualTo("Cluster not found.");
    }

    @Test
    void deleteClusterIsRefusedWhileAServiceRemainsAndAllowedOnceItIsInactive() {
        prod.given(request(CreateCluster.class, "{'clusterName':'prod'}"),
                request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web',"
                        + "'desiredCount':0}"));

        Decision refused = prod.when(request(DeleteCluster.class, "{'cluster':'prod'}"));
        assertThat(refused.error().code()).isEqualTo(ErrorCode.CLUSTER_CONTAINS_SERVICES_EXCEPTION);

        prod.given(request(DeleteService.class, "{'cluster':'prod','service':'api'}"));
        Decision stillDraining = prod.when(request(DeleteCluster.class, "{'cluster':'prod'}"));
        assertThat(stillDraining.error().code()).isEqualTo(ErrorCode.CLUSTER_CONTAINS_SERVICES_EXCEPTION);

        prod.given(prod.plan("api"));
        Decision deleted = prod.when(request(DeleteCluster.class, "{'cluster':'" + ARN + "'}"));
        assertThat(deleted.events()).singleElement().isInstanceOf(ClusterDeleted.class);
        assertThat(deleted.response().at("/cluster/status").asText()).isEqualTo("INACTIVE");
    }

    @Test
    void anInactiveClusterRefusesNewServicesAndCanBeCreatedAgain() {
        prod.given(request(CreateCluster.class, "{'clusterName':'prod'}"),
                request(DeleteCluster.class, "{'cluster':'prod'}"));

        Decision refused = prod.when(request(CreateService.class,
                "{'cluster':'prod','serviceName':'api','taskDefinition':'web','desiredCount':1}"));
        assertThat(refused.error().code()).isEqualTo(ErrorCode.CLUSTER_NOT_FOUND_EXCEPTION);

        Decision recreated = prod.when(request(CreateCluster.class, "{'clusterName':'prod'}"));
        assertThat(recreated.events()).singleElement().isInstanceOf(ClusterCreated.class);
        assertThat(recreated.response().at("/cluster/status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void tagsAreMergedAndRemovedAndTheEventCarriesTheWholeSet() {
        prod.given(request(CreateCluster.class, "{'clusterName':'prod','tags':[{'key':'a','value':'1'}]}"));

        Decision tagged = prod.when(request(TagResource.class,
                "{'resourceArn':'" + ARN + "','tags':[{'key':'a','value':'2'},{'key':'b','value':'3'}]}"));
        assertThat(((ResourceTagged) tagged.events().get(0)).tags())
                .containsExactly(new Tag("a", "2"), new Tag("b", "3"));

        prod.given(request(UntagResource.class, "{'resourceArn':'" + ARN + "','tagKeys':['a']}"));
        ClusterState state = ((BoundaryState.ClusterBoundary) prod.state()).state();
        assertThat(state.tags(ARN)).containsExactly(new Tag("b", "3"));
    }

    @Test
    void taggingAMissingServiceIsResourceNotFound() {
        prod.given(request(CreateCluster.class, "{'clusterName':'prod'}"));

        Decision decision = prod.when(request(TagResource.class, "{'resourceArn':"
                + "'arn:aws:ecs:eu-west-1:123456789012:service/prod/ghost','tags':[{'key':'a','value':'1'}]}"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION);
    }

    @Test
    void resetForgetsEverything() {
        prod.given(request(CreateCluster.class, "{'clusterName':'prod'}"),
                request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web',"
                        + "'desiredCount':1}"));

        prod.given(new ResetBoundary("prod"));

        ClusterState state = ((BoundaryState.ClusterBoundary) prod.state()).state();
        assertThat(state.cluster()).isEmpty();
        assertThat(state.services()).isEmpty();
    }
}
