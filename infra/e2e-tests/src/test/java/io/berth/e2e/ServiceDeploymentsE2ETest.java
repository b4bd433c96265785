package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.e2e.support.BerthSystem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * The deployment history through the AWS SDK: a service with nothing to run is deployed twice,
 * and ListServiceDeployments / DescribeServiceDeployments show both deployments SUCCESSFUL,
 * newest first. No container runs (desiredCount 0), so no Docker engine is needed.
 */
@ExtendWith(BerthSystem.class)
class ServiceDeploymentsE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();

    @Test
    void bothDeploymentsOfAnUpdatedServiceAreListedAndDescribedSuccessful() {
        String cluster = unique("deploys");
        String family = unique("deploys-td");
        ecs.createCluster(b -> b.clusterName(cluster));
        ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(c -> c.name("app").image("busybox")
                .memory(32)));
        String first = ecs.createService(b -> b.cluster(cluster).serviceName("web").taskDefinition(family)
                .desiredCount(0)).service().deployments().get(0).id();
        awaitCompleted(cluster, first);

        ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(c -> c.name("app").image("busybox:2")
                .memory(32)));
        String second = ecs.updateService(b -> b.cluster(cluster).service("web").taskDefinition(family)).service()
                .deployments().get(0).id();
        waiter().waitUntilServicesStable(b -> b.cluster(cluster).services("web"));
        awaitCompleted(cluster, second);

        List<ServiceDeploymentBrief> listed = ecs.listServiceDeployments(b -> b.cluster(cluster).service("web"))
                .serviceDeployments();
        String serviceArn = "arn:aws:ecs:us-east-1:000000000000:service/" + cluster + "/web";
        assertThat(listed).extracting(ServiceDeploymentBrief::serviceDeploymentArn).containsExactly(
                deploymentArn(cluster, second), deploymentArn(cluster, first));
        assertThat(listed).allSatisfy(brief -> {
            assertThat(brief.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
            assertThat(brief.serviceArn()).isEqualTo(serviceArn);
            assertThat(brief.finishedAt()).isAfterOrEqualTo(brief.startedAt());
        });

        DescribeServiceDeploymentsResponse described = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(
                deploymentArn(cluster, second), deploymentArn(cluster, first), deploymentArn(cluster, "ecs-svc/1")));
        assertThat(described.serviceDeployments()).hasSize(2);
        assertThat(described.serviceDeployments().get(0)).satisfies(d -> {
            assertThat(d.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
            assertThat(d.targetServiceRevision().arn()).isEqualTo(deploymentArn(cluster, second)
                    .replace(":service-deployment/", ":service-revision/"));
            assertThat(d.targetServiceRevision().requestedTaskCount()).isZero();
            assertThat(d.sourceServiceRevisions()).extracting(r -> r.arn()).containsExactly(
                    deploymentArn(cluster, first).replace(":service-deployment/", ":service-revision/"));
            assertThat(d.deploymentCircuitBreaker().statusAsString()).isEqualTo("DISABLED");
        });
        assertThat(described.failures()).singleElement().satisfies(f ->
                assertThat(f.reason()).isEqualTo("MISSING"));
    }

    /** The scheduler has the cluster settle the service; its deployment completes. */
    private void awaitCompleted(String cluster, String deploymentId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Service service = ecs.describeServices(b -> b.cluster(cluster).services("web")).services().get(0);
            assertThat(service.deployments()).singleElement().satisfies(d -> {
                assertThat(d.id()).isEqualTo(deploymentId);
                assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            });
        });
    }

    private EcsWaiter waiter() {
        return EcsWaiter.builder().client(ecs).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .maxAttempts(60).backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(500)))
                .build()).build();
    }

    private static String deploymentArn(String cluster, String deploymentId) {
        return "arn:aws:ecs:us-east-1:000000000000:service-deployment/" + cluster + "/web/"
                + deploymentId.substring("ecs-svc/".length());
    }
}
