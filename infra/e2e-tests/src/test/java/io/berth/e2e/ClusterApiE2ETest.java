package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.e2e.support.BerthSystem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Tag;

@ExtendWith(BerthSystem.class)
class ClusterApiE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();

    @Test
    void aClusterIsCreatedDescribedUpdatedAndDeleted() {
        String name = unique("cluster");
        Cluster created = ecs.createCluster(b -> b.clusterName(name)
                .tags(Tag.builder().key("team").value("platform").build())
                .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build()))
                .cluster();
        assertThat(created.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/" + name);
        assertThat(created.status()).isEqualTo("ACTIVE");

        DescribeClustersResponse described = ecs.describeClusters(b -> b.clusters(name)
                .include(ClusterField.TAGS, ClusterField.SETTINGS));
        assertThat(described.failures()).isEmpty();
        Cluster cluster = described.clusters().get(0);
        assertThat(cluster.tags()).containsExactly(Tag.builder().key("team").value("platform").build());
        assertThat(cluster.settings()).extracting(ClusterSetting::value).containsExactly("enabled");
        assertThat(cluster.activeServicesCount()).isZero();
        assertThat(cluster.runningTasksCount()).isZero();

        Cluster plain = ecs.describeClusters(b -> b.clusters(created.clusterArn())).clusters().get(0);
        assertThat(plain.hasTags()).isFalse();
        assertThat(plain.hasSettings()).isFalse();

        ecs.updateCluster(b -> b.cluster(name).settings(ClusterSetting.builder()
                .name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build()));
        assertThat(ecs.describeClusters(b -> b.clusters(name).include(ClusterField.SETTINGS)).clusters().get(0)
                .settings()).extracting(ClusterSetting::value).containsExactly("disabled");

        Cluster deleted = ecs.deleteCluster(b -> b.cluster(name)).cluster();
        assertThat(deleted.status()).isEqualTo("INACTIVE");
        assertThat(ecs.describeClusters(b -> b.clusters(name)).clusters().get(0).status()).isEqualTo("INACTIVE");
        assertThat(ecs.listClustersPaginator(b -> b.maxResults(100)).clusterArns()).doesNotContain(created.clusterArn());
    }

    @Test
    void creatingAnExistingClusterReturnsIt() {
        String name = unique("twice");
        String arn = ecs.createCluster(b -> b.clusterName(name)).cluster().clusterArn();

        assertThat(ecs.createCluster(b -> b.clusterName(name)).cluster().clusterArn()).isEqualTo(arn);
    }

    @Test
    void unknownClustersAreMissingFailuresNotErrors() {
        String known = unique("known");
        ecs.createCluster(b -> b.clusterName(known));

        DescribeClustersResponse response = ecs.describeClusters(b -> b.clusters(known, "no-such-cluster"));

        assertThat(response.clusters()).extracting(Cluster::clusterName).containsExactly(known);
        assertThat(response.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/no-such-cluster");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void singleTargetOperationsOnAnUnknownClusterFail() {
        assertThatThrownBy(() -> ecs.updateCluster(b -> b.cluster("no-such-cluster").settings(List.of())))
                .isInstanceOf(ClusterNotFoundException.class)
                .hasMessageContaining("Cluster not found.")
                .satisfies(e -> assertThat(((ClusterNotFoundException) e).statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> ecs.deleteCluster(b -> b.cluster("no-such-cluster")))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void aBadClusterNameIsAnInvalidParameter() {
        assertThatThrownBy(() -> ecs.createCluster(b -> b.clusterName("not a valid name")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aClusterWithAServiceCannotBeDeleted() {
        String name = unique("busy");
        ecs.createCluster(b -> b.clusterName(name));
        String family = unique("busy-td");
        ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(c -> c.name("app").image("busybox")
                .memory(32)));
        ecs.createService(b -> b.cluster(name).serviceName("api").taskDefinition(family).desiredCount(0));

        assertThatThrownBy(() -> ecs.deleteCluster(b -> b.cluster(name)))
                .isInstanceOf(ClusterContainsServicesException.class)
                .hasMessageContaining("The Cluster cannot be deleted while Services are active.");
    }

    @Test
    void listClustersPaginatesAndEachRegionAndAccountSeesOnlyItsOwn() {
        EcsClient frankfurt = BerthSystem.ecs(BerthSystem.E2E_ACCESS_KEY, Region.EU_CENTRAL_1);
        EcsClient otherAccount = BerthSystem.ecs(BerthSystem.OTHER_ACCOUNT_KEY, Region.EU_CENTRAL_1);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(frankfurt.createCluster(b -> b.clusterName(unique("page"))).cluster().clusterArn());
        }

        var firstPage = frankfurt.listClusters(b -> b.maxResults(2));
        assertThat(firstPage.clusterArns()).hasSize(2);
        assertThat(firstPage.nextToken()).isNotNull();
        List<String> all = frankfurt.listClustersPaginator(b -> b.maxResults(2)).clusterArns().stream().toList();
        assertThat(all).containsExactlyInAnyOrderElementsOf(created);
        assertThat(otherAccount.listClusters().clusterArns()).doesNotContainAnyElementsOf(created);
    }
}
