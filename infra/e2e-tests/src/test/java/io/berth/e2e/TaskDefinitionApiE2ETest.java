package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.e2e.support.BerthSystem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

@ExtendWith(BerthSystem.class)
class TaskDefinitionApiE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();

    private static ContainerDefinition web() {
        return ContainerDefinition.builder().name("web").image("registry.local/web:1.0").memory(128)
                .portMappings(PortMapping.builder().containerPort(8080).hostPort(0).protocol(TransportProtocol.TCP)
                        .build())
                .environment(KeyValuePair.builder().name("MODE").value("production").build())
                .healthCheck(HealthCheck.builder().command("CMD-SHELL", "wget -q -O- localhost:8080/health").build())
                .build();
    }

    @Test
    void registeringGivesIncreasingRevisionsWithDefaultsFilledIn() {
        String family = unique("web");

        TaskDefinition first = ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(web())
                .networkMode(NetworkMode.BRIDGE).tags(Tag.builder().key("app").value("web").build())).taskDefinition();
        TaskDefinition second = ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(web()))
                .taskDefinition();

        assertThat(first.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/" + family
                + ":1");
        assertThat(second.revision()).isEqualTo(2);
        assertThat(first.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(first.registeredAt()).isNotNull();
        ContainerDefinition container = first.containerDefinitions().get(0);
        assertThat(container.essential()).isTrue();
        assertThat(container.healthCheck().interval()).isEqualTo(30);
        assertThat(container.healthCheck().retries()).isEqualTo(3);
        assertThat(container.environment()).extracting(KeyValuePair::value).containsExactly("production");

        DescribeTaskDefinitionResponse latest = ecs.describeTaskDefinition(b -> b.taskDefinition(family)
                .include(TaskDefinitionField.TAGS));
        assertThat(latest.taskDefinition().revision()).isEqualTo(2);
        DescribeTaskDefinitionResponse tagged = ecs.describeTaskDefinition(b -> b.taskDefinition(family + ":1")
                .include(TaskDefinitionField.TAGS));
        assertThat(tagged.tags()).containsExactly(Tag.builder().key("app").value("web").build());
    }

    @Test
    void revisionsAreNeverReusedAfterDeregistrationAndDeletion() {
        String family = unique("gone");
        ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(web()));
        ecs.deregisterTaskDefinition(b -> b.taskDefinition(family + ":1"));
        DeleteTaskDefinitionsResponse deleted = ecs.deleteTaskDefinitions(b -> b.taskDefinitions(family + ":1"));
        assertThat(deleted.taskDefinitions()).extracting(TaskDefinition::status)
                .containsExactly(TaskDefinitionStatus.DELETE_IN_PROGRESS);

        TaskDefinition again = ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(web()))
                .taskDefinition();

        assertThat(again.revision()).isEqualTo(2);
    }

    @Test
    void deleteReportsActiveAndUnknownRevisionsAsFailures() {
        String family = unique("keep");
        ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(web()));

        DeleteTaskDefinitionsResponse response = ecs.deleteTaskDefinitions(b -> b.taskDefinitions(family + ":1",
                family + ":9"));

        assertThat(response.taskDefinitions()).isEmpty();
        assertThat(response.failures()).hasSize(2);
    }

    @Test
    void listingFiltersByPrefixAndStatusSortsAndPaginates() {
        EcsClient seoul = BerthSystem.ecs(BerthSystem.E2E_ACCESS_KEY, Region.AP_NORTHEAST_2);
        String prefix = unique("list");
        for (String suffix : List.of("a", "b")) {
            for (int i = 0; i < 3; i++) {
                seoul.registerTaskDefinition(b -> b.family(prefix + suffix).containerDefinitions(web()));
            }
        }
        seoul.deregisterTaskDefinition(b -> b.taskDefinition(prefix + "b:3"));

        // ListTaskDefinitions' familyPrefix is, as in ECS, a whole family name.
        List<String> ascending = seoul.listTaskDefinitionsPaginator(b -> b.familyPrefix(prefix + "a").maxResults(2))
                .taskDefinitionArns().stream().map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).toList();
        assertThat(ascending).containsExactly(prefix + "a:1", prefix + "a:2", prefix + "a:3");
        List<String> descending = seoul.listTaskDefinitions(b -> b.familyPrefix(prefix + "b").sort(SortOrder.DESC))
                .taskDefinitionArns();
        assertThat(descending).hasSize(2);
        assertThat(descending.get(0)).endsWith(prefix + "b:2");
        assertThat(seoul.listTaskDefinitions(b -> b.familyPrefix(prefix + "b").status(TaskDefinitionStatus.INACTIVE))
                .taskDefinitionArns()).singleElement().satisfies(arn -> assertThat(arn).endsWith(prefix + "b:3"));
        List<String> everything = seoul.listTaskDefinitionsPaginator(b -> b.maxResults(4)).taskDefinitionArns()
                .stream().filter(arn -> arn.contains(prefix)).toList();
        assertThat(everything).hasSize(5);
        assertThat(seoul.listTaskDefinitionFamilies(b -> b.familyPrefix(prefix)).families())
                .containsExactly(prefix + "a", prefix + "b");
        assertThat(seoul.listTaskDefinitionFamilies(b -> b.familyPrefix(prefix)
                .status(TaskDefinitionFamilyStatus.INACTIVE)).families()).isEmpty();
    }

    @Test
    void invalidDefinitionsAreRefusedAndUnknownOnesCannotBeDescribed() {
        assertThatThrownBy(() -> ecs.registerTaskDefinition(b -> b.family(unique("bad"))
                .containerDefinitions(c -> c.name("web").image("busybox"))))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("'memory'");
        assertThatThrownBy(() -> ecs.describeTaskDefinition(b -> b.taskDefinition("no-such-family")))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> ecs.deregisterTaskDefinition(b -> b.taskDefinition("no-such-family:1")))
                .isInstanceOf(ClientException.class);
    }

    @Test
    void taskDefinitionsAreTaggedAndUntagged() {
        String family = unique("tags");
        String arn = ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(web())).taskDefinition()
                .taskDefinitionArn();

        ecs.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("b").value("2").build()));
        ecs.untagResource(b -> b.resourceArn(arn).tagKeys("a"));

        assertThat(ecs.listTagsForResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("b").value("2").build());
    }
}
