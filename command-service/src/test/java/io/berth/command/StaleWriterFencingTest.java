package io.berth.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.berth.command.support.KafkaResource;
import io.berth.command.support.LogClient;
import io.berth.command.writer.CommandLoop;
import io.berth.core.arn.Scope;
import io.berth.core.command.CommandReply;
import io.berth.core.event.ClusterCreated;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.core.log.Topics;
import io.berth.core.model.Cluster;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A stale writer — here a process holding the command-service's own transactional id, as a
 * paused or partitioned predecessor would — cannot get anything into the log once the
 * command-service has taken over, and the command-service recovers from having been fenced.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class StaleWriterFencingTest {

    private static final String KEY = "111122223333/us-east-1/cluster/";

    @Inject
    CommandLoop loop;

    @Test
    void aStaleWriterIsFencedAndNothingItWroteBecomesVisible() {
        await().atMost(Duration.ofSeconds(60)).until(loop::isReady);
        try (LogClient log = new LogClient(KafkaResource.bootstrapServers())) {
            String before = UUID.randomUUID().toString();
            log.send(KEY + "before", command(before, "before"));
            assertThat(log.awaitReply(before).error()).isNull();

            // The stale writer takes the transactional id (fencing the live producer for a moment)
            // and writes a forged event in an open transaction.
            KafkaProducer<String, byte[]> stale = staleWriter();
            stale.initTransactions();
            stale.beginTransaction();
            String forgedId = UUID.randomUUID().toString();
            stale.send(new ProducerRecord<>(Topics.EVENTS, KEY + "forged", Json.toBytes(forged(forgedId))));
            stale.flush();

            // The command-service finds itself fenced, starts a new session (which fences the stale
            // writer in turn and aborts its transaction), rebuilds, and answers.
            String after = UUID.randomUUID().toString();
            log.send(KEY + "after", command(after, "after"));
            CommandReply reply = log.awaitReply(after);
            assertThat(reply.error()).isNull();

            assertThatThrownBy(stale::commitTransaction).isInstanceOf(KafkaException.class);
            stale.close(Duration.ofSeconds(1));

            List<EventEnvelope> committed = log.events().stream()
                    .map(r -> Json.read(r.value(), EventEnvelope.class)).toList();
            assertThat(committed).noneMatch(e -> e.eventId().equals(forgedId));
            assertThat(committed).filteredOn(e -> after.equals(e.causationId())).hasSize(1);
            assertThat(committed).filteredOn(e -> before.equals(e.causationId())).hasSize(1);
        }
    }

    private static KafkaProducer<String, byte[]> staleWriter() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "berth-command-service-local-0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    private static EventEnvelope forged(String eventId) {
        Scope scope = new Scope("111122223333", "us-east-1");
        Cluster cluster = new Cluster("arn:aws:ecs:us-east-1:111122223333:cluster/forged", "forged", null, "ACTIVE",
                null, null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null);
        return EventEnvelope.wrap(eventId, KEY + "forged", scope.account(), scope.region(), Instant.now(), "stale",
                "stale", "stale", new ClusterCreated(cluster, List.of()));
    }

    private static String command(String id, String cluster) {
        return "{'commandId':'" + id + "','type':'CreateCluster','account':'111122223333','region':'us-east-1',"
                + "'actor':'test','payload':{'clusterName':'" + cluster + "'}}";
    }
}
