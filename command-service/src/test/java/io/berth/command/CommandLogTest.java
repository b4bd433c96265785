package io.berth.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.command.support.KafkaResource;
import io.berth.command.support.LogClient;
import io.berth.command.writer.CommandLoop;
import io.berth.core.command.CommandReply;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write path against a real broker, driven the way Kafka automation drives it: command JSON
 * written straight to berth.commands, answers read from berth.replies and berth.events.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class CommandLogTest {

    private static LogClient log;

    @Inject
    CommandLoop loop;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).until(loop::isReady);
        if (log == null) {
            log = new LogClient(KafkaResource.bootstrapServers());
        }
    }

    @AfterAll
    static void close() {
        if (log != null) {
            log.close();
            log = null;
        }
    }

    private static String command(String id, String type, String payload) {
        return "{'commandId':'" + id + "','type':'" + type + "','account':'111122223333','region':'us-east-1',"
                + "'actor':'automation:test','correlationId':'c-" + id + "','issuedAt':1764160000.123,"
                + "'payload':" + payload + "}";
    }

    private static final String CLUSTER_KEY = "111122223333/us-east-1/cluster/";
    private static final String ACCOUNT_KEY = "111122223333/us-east-1";

    @Test
    void aCommandWrittenToKafkaIsAnsweredOnTheRepliesTopicWithItsEventsPosition() {
        String id = UUID.randomUUID().toString();

        log.send(CLUSTER_KEY + "automation", command(id, "CreateCluster", "{'clusterName':'automation'}"));

        CommandReply reply = log.awaitReply(id);
        assertThat(reply.error()).isNull();
        assertThat(reply.result().at("/cluster/clusterArn").asText())
                .isEqualTo("arn:aws:ecs:us-east-1:111122223333:cluster/automation");
        List<ConsumerRecord<String, byte[]>> events = log.events().stream()
                .filter(r -> id.equals(Json.read(r.value(), EventEnvelope.class).causationId()))
                .toList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.key()).isEqualTo(CLUSTER_KEY + "automation");
            assertThat(reply.position().partition()).isEqualTo(event.partition());
            assertThat(reply.position().offset()).isEqualTo(event.offset());
            EventEnvelope envelope = Json.read(event.value(), EventEnvelope.class);
            assertThat(envelope.type()).isEqualTo("ClusterCreated");
            assertThat(envelope.actor()).isEqualTo("automation:test");
            assertThat(envelope.correlationId()).isEqualTo("c-" + id);
            assertThat(envelope.resourceArn()).isEqualTo("arn:aws:ecs:us-east-1:111122223333:cluster/automation");
        });
    }

    @Test
    void theConsumedOffsetIsCommittedWithTheEventsAndTheReply() throws Exception {
        String id = UUID.randomUUID().toString();
        log.send(CLUSTER_KEY + "offsets", command(id, "CreateCluster", "{'clusterName':'offsets'}"));
        CommandReply reply = log.awaitReply(id);
        assertThat(reply.error()).isNull();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaResource.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("berth-command-service")
                    .partitionsToOffsetAndMetadata().get();
            // The reply is only visible to read_committed readers once the transaction committed,
            // and that same transaction committed the command's offset.
            TopicPartition partition = new TopicPartition(Topics.COMMANDS, reply.position().partition());
            assertThat(committed.get(partition)).isNotNull();
            assertThat(committed.get(partition).offset()).isPositive();
        }
    }

    @Test
    void aRepeatedCommandIdReturnsTheFirstResultAndAppendsNothing() {
        String id = UUID.randomUUID().toString();
        String json = command(id, "RegisterTaskDefinition",
                "{'family':'retried','containerDefinitions':[{'name':'app','image':'busybox','memory':32}]}");

        log.send(ACCOUNT_KEY, json);
        CommandReply first = log.awaitReply(id);
        log.send(ACCOUNT_KEY, json);
        String marker = UUID.randomUUID().toString();
        log.send(ACCOUNT_KEY, command(marker, "RegisterTaskDefinition",
                "{'family':'retried','containerDefinitions':[{'name':'app','image':'busybox','memory':32}]}"));
        CommandReply later = log.awaitReply(marker);

        assertThat(first.result().at("/taskDefinition/revision").asInt()).isEqualTo(1);
        // The retry was decided before the marker (same partition, in order) and appended nothing,
        // so the marker got revision 2, not 3.
        assertThat(later.result().at("/taskDefinition/revision").asInt()).isEqualTo(2);
        assertThat(log.eventsOf(id)).hasSize(1);
    }

    @Test
    void aServiceCanNameATaskDefinitionRegisteredJustBefore() {
        for (int i = 0; i < 10; i++) {
            String family = "fresh-" + i;
            String register = UUID.randomUUID().toString();
            log.send(ACCOUNT_KEY, command(register, "RegisterTaskDefinition", "{'family':'" + family
                    + "','containerDefinitions':[{'name':'app','image':'busybox','memory':32}]}"));
            assertThat(log.awaitReply(register).error()).isNull();
            if (i == 0) {
                String cluster = UUID.randomUUID().toString();
                log.send(CLUSTER_KEY + "cross", command(cluster, "CreateCluster", "{'clusterName':'cross'}"));
                assertThat(log.awaitReply(cluster).error()).isNull();
            }

            String create = UUID.randomUUID().toString();
            log.send(CLUSTER_KEY + "cross", command(create, "CreateService", "{'cluster':'cross','serviceName':'svc-"
                    + i + "','taskDefinition':'" + family + "','desiredCount':1}"));

            CommandReply reply = log.awaitReply(create);
            assertThat(reply.error()).as("CreateService right after registering %s", family).isNull();
            assertThat(reply.result().at("/service/taskDefinition").asText())
                    .endsWith("task-definition/" + family + ":1");
        }
    }

    @Test
    void aCommandUnderAnotherBoundarysKeyIsRefusedAndAppendsNothing() {
        String id = UUID.randomUUID().toString();

        log.send(CLUSTER_KEY + "elsewhere", command(id, "CreateCluster", "{'clusterName':'mismatch'}"));

        CommandReply reply = log.awaitReply(id);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(reply.error().message()).contains("does not match its boundary");
        assertThat(log.eventsOf(id)).isEmpty();
    }

    @Test
    void aMalformedPayloadIsAnsweredWithAnError() {
        String id = UUID.randomUUID().toString();

        log.send(ACCOUNT_KEY, command(id, "DeleteTaskDefinitions", "{'taskDefinitions':'not-a-list'}"));

        CommandReply reply = log.awaitReply(id);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(reply.error().message()).startsWith("Malformed DeleteTaskDefinitions payload");
    }

    @Test
    void aCommandOnAnotherPartitionThanItsKeysIsRefused() {
        String id = UUID.randomUUID().toString();
        String key = CLUSTER_KEY + "wrong-partition";
        int right = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 4;

        log.send((right + 1) % 4, key, command(id, "CreateCluster", "{'clusterName':'wrong-partition'}"));

        CommandReply reply = log.awaitReply(id);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(reply.error().message()).contains("belongs on partition " + right);
        assertThat(log.eventsOf(id)).isEmpty();
    }

    @Test
    void anEnvelopeWithoutAnAccountIsAnsweredAndStopsNothing() {
        String broken = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();

        log.send(ACCOUNT_KEY, "{'commandId':'" + broken + "','type':'CreateService','region':'us-east-1',"
                + "'payload':{'serviceName':'x','taskDefinition':'y','desiredCount':1}}");
        log.send(CLUSTER_KEY + "still-alive", command(after, "CreateCluster", "{'clusterName':'still-alive'}"));

        assertThat(log.awaitReply(broken).error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(log.awaitReply(after).error()).isNull();
    }
}
