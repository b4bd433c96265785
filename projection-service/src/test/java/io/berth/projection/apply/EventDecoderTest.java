package io.berth.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.projection.support.RandomHistory;
import io.berth.projection.support.Scenario;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventDecoderTest {

    @Test
    void decodesEveryEventAsTheEnvelopeDoes() {
        for (long seed = 1; seed <= 20; seed++) {
            List<EventEnvelope> events = RandomHistory.extend(new Scenario(String.format("%012d", seed)),
                    new Random(seed), 300).drain();
            for (EventEnvelope written : events) {
                byte[] bytes = Json.toBytes(written);
                EventEnvelope read = Json.read(bytes, EventEnvelope.class);

                EventDecoder.Decoded decoded = EventDecoder.decode(bytes);

                assertThat(decoded.event()).as("seed %d, %s", seed, written.eventId()).isEqualTo(read.event());
                assertThat(decoded.envelope()).usingRecursiveComparison().ignoringFields("payload")
                        .as("seed %d, %s", seed, written.eventId()).isEqualTo(read);
            }
        }
    }

    @Test
    void aPayloadBeforeItsTypeTakesTheGeneralPath() {
        EventEnvelope written = new Scenario("123456789012").createCluster("c").drain().get(0);
        ObjectNode reordered = Json.MAPPER.createObjectNode();
        ObjectNode original = (ObjectNode) Json.toTree(written);
        reordered.set("payload", original.get("payload"));
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = original.fields();
                it.hasNext();) {
            var field = it.next();
            if (!field.getKey().equals("payload")) {
                reordered.set(field.getKey(), field.getValue());
            }
        }

        EventDecoder.Decoded decoded = EventDecoder.decode(Json.toBytes(reordered));

        assertThat(decoded.event()).isEqualTo(written.event());
    }

    @Test
    void aNewerSchemaVersionThanThisBuildReadsIsRefused() {
        ObjectNode newer = (ObjectNode) Json.toTree(new Scenario("123456789012").createCluster("c").drain().get(0));
        newer.put("schemaVersion", 2);

        assertThatThrownBy(() -> EventDecoder.decode(Json.toBytes(newer)))
                .hasMessageContaining("has schema version 2 but this build reads ClusterCreated up to version 1");
    }
}
