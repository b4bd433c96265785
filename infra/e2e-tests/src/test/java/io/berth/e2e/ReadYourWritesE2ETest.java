package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.e2e.support.BerthSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;

/** A read right after a write by the same client sees the write (design rule 6). */
@ExtendWith(BerthSystem.class)
class ReadYourWritesE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();

    @Test
    void everyWriteIsVisibleToTheNextRead() {
        String cluster = unique("ryw");
        ecs.createCluster(b -> b.clusterName(cluster));
        for (int i = 0; i < 20; i++) {
            String family = unique("ryw-td");
            String service = "svc" + i;
            int desired = i;

            ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(c -> c.name("app")
                    .image("busybox").memory(16)));
            assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition(family)).taskDefinition().revision())
                    .isEqualTo(1);

            ecs.createService(b -> b.cluster(cluster).serviceName(service).taskDefinition(family)
                    .desiredCount(desired));
            assertThat(ecs.describeServices(b -> b.cluster(cluster).services(service)).services())
                    .singleElement().satisfies(s -> assertThat(s.desiredCount()).isEqualTo(desired));

            int scaled = desired + 1;
            ecs.updateService(b -> b.cluster(cluster).service(service).desiredCount(scaled));
            assertThat(ecs.describeServices(b -> b.cluster(cluster).services(service)).services().get(0)
                    .desiredCount()).isEqualTo(scaled);
        }
        assertThat(ecs.describeClusters(b -> b.clusters(cluster)).clusters().get(0).activeServicesCount())
                .isEqualTo(20);
    }
}
