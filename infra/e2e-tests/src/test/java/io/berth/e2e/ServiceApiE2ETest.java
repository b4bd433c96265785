package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.berth.e2e.support.BerthSystem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

@ExtendWith(BerthSystem.class)
class ServiceApiE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();
    private String cluster;
    private String family;

    @BeforeEach
    void clusterAndTaskDefinition() {
        cluster = unique("svc-cluster");
        family = unique("svc-td");
        ecs.createCluster(b -> b.clusterName(cluster));
        ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(c -> c.name("app").image("busybox")
                .memory(32)));
    }

    private EcsWaiter waiter() {
        return EcsWaiter.builder().client(ecs).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .maxAttempts(60).backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(500)))
                .build()).build();
    }

    @Test
    void aServiceIsCreatedWithOneDeploymentAndDescribed() {
        Service created = ecs.createService(b -> b.cluster(cluster).serviceName("api").taskDefinition(family)
                .desiredCount(3).tags(Tag.builder().key("tier").value("web").build())).service();

        assertThat(created.serviceArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/" + cluster + "/api");
        assertThat(created.status()).isEqualTo("ACTIVE");
        assertThat(created.taskDefinition()).endsWith("task-definition/" + family + ":1");
        assertThat(created.deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
            assertThat(d.id()).startsWith("ecs-svc/");
            assertThat(d.desiredCount()).isEqualTo(3);
        });
        assertThat(created.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
        assertThat(created.deploymentConfiguration().maximumPercent()).isEqualTo(200);

        DescribeServicesResponse described = ecs.describeServices(b -> b.cluster(cluster).services("api", "ghost")
                .include(ServiceField.TAGS));
        assertThat(described.services()).singleElement().satisfies(s -> {
            assertThat(s.desiredCount()).isEqualTo(3);
            assertThat(s.runningCount()).isZero();
            assertThat(s.createdAt()).isNotNull();
            assertThat(s.tags()).containsExactly(Tag.builder().key("tier").value("web").build());
        });
        assertThat(described.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/" + cluster + "/ghost");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void aDesiredCountOnlyUpdateStartsNoDeploymentButANewRevisionDoes() {
        ecs.createService(b -> b.cluster(cluster).serviceName("api").taskDefinition(family).desiredCount(1));

        Service scaled = ecs.updateService(b -> b.cluster(cluster).service("api").desiredCount(4)).service();
        assertThat(scaled.deployments()).hasSize(1);
        assertThat(scaled.deployments().get(0).desiredCount()).isEqualTo(4);

        ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(c -> c.name("app").image("busybox:2")
                .memory(32)));
        Service updated = ecs.updateService(b -> b.cluster(cluster).service("api").taskDefinition(family)).service();
        assertThat(updated.taskDefinition()).endsWith(family + ":2");
        assertThat(updated.deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");

        Service forced = ecs.updateService(b -> b.cluster(cluster).service("api").forceNewDeployment(true)).service();
        assertThat(forced.deployments()).hasSize(3);
    }

    @Test
    void aServiceWithNothingToRunBecomesStable() {
        ecs.createService(b -> b.cluster(cluster).serviceName("idle").taskDefinition(family).desiredCount(0));

        waiter().waitUntilServicesStable(b -> b.cluster(cluster).services("idle"));

        // The scheduler asks the cluster to settle the service; its deployment then completes.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Service stable = ecs.describeServices(b -> b.cluster(cluster).services("idle")).services().get(0);
            assertThat(stable.deployments()).singleElement().satisfies(d ->
                    assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
            assertThat(stable.events()).extracting(e -> e.message())
                    .contains("(service idle) has reached a steady state.");
        });
    }

    @Test
    void deletingDrainsTheServiceUntilItIsInactive() {
        ecs.createService(b -> b.cluster(cluster).serviceName("api").taskDefinition(family).desiredCount(2));

        assertThatThrownBy(() -> ecs.deleteService(b -> b.cluster(cluster).service("api")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The service cannot be stopped while it is scaled above 0.");
        Service draining = ecs.deleteService(b -> b.cluster(cluster).service("api").force(true)).service();
        assertThat(draining.status()).isEqualTo("DRAINING");
        assertThat(ecs.listServices(b -> b.cluster(cluster)).serviceArns()).isEmpty();

        waiter().waitUntilServicesInactive(b -> b.cluster(cluster).services("api"));

        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster(cluster).service("api").desiredCount(1)))
                .isInstanceOf(ServiceNotActiveException.class);
        Service again = ecs.createService(b -> b.cluster(cluster).serviceName("api").taskDefinition(family)
                .desiredCount(0)).service();
        assertThat(again.status()).isEqualTo("ACTIVE");
    }

    @Test
    void theApiRefusesWhatEcsRefuses() {
        ecs.createService(b -> b.cluster(cluster).serviceName("api").taskDefinition(family).desiredCount(1));

        assertThatThrownBy(() -> ecs.createService(b -> b.cluster(cluster).serviceName("api").taskDefinition(family)
                .desiredCount(1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Creation of service was not idempotent.");
        assertThatThrownBy(() -> ecs.createService(b -> b.cluster("no-such-cluster").serviceName("x")
                .taskDefinition(family).desiredCount(1)))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> ecs.createService(b -> b.cluster(cluster).serviceName("x")
                .taskDefinition("no-such-family").desiredCount(1)))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> ecs.createService(b -> b.cluster(cluster).serviceName("x").taskDefinition(family)
                .desiredCount(1).launchType("EC2").capacityProviderStrategy(s -> s.capacityProvider("FARGATE"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster(cluster).service("ghost").desiredCount(1)))
                .isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void aRetriedCreateWithTheSameClientTokenReturnsTheSameService() {
        String token = unique("token");
        String first = ecs.createService(b -> b.cluster(cluster).serviceName("api").taskDefinition(family)
                .desiredCount(1).clientToken(token)).service().serviceArn();

        String second = ecs.createService(b -> b.cluster(cluster).serviceName("api").taskDefinition(family)
                .desiredCount(1).clientToken(token)).service().serviceArn();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void listServicesPagesByTenByDefault() {
        for (int i = 0; i < 12; i++) {
            String name = "s" + i;
            ecs.createService(b -> b.cluster(cluster).serviceName(name).taskDefinition(family).desiredCount(0));
        }

        var first = ecs.listServices(b -> b.cluster(cluster));
        assertThat(first.serviceArns()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
        List<String> all = ecs.listServicesPaginator(b -> b.cluster(cluster)).serviceArns().stream().toList();
        assertThat(all).hasSize(12).doesNotHaveDuplicates();
    }
}
