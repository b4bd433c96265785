package io.berth.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void instantsAreEpochSecondsWithMillisecondsAsJsonNumbers() {
        assertThat(Json.toString(Map.of("at", Instant.parse("2016-06-24T20:56:52.435Z"))))
                .isEqualTo("{\"at\":1466801812.435}");
        assertThat(Json.toString(Map.of("at", Instant.parse("2016-06-24T20:56:52Z"))))
                .isEqualTo("{\"at\":1466801812.000}");
    }

    @Test
    void aTimestampSurvivesATripThroughATreeUnchanged() {
        JsonNode tree = Json.readTree("{\"registeredAt\":1795705117.865}");

        assertThat(Json.toString(tree)).isEqualTo("{\"registeredAt\":1795705117.865}");
    }

    @Test
    void epochSecondsAndIsoStringsAreRead() {
        record Stamped(Instant at) {
        }

        assertThat(Json.read("{\"at\":1466801812.435}", Stamped.class).at())
                .isEqualTo(Instant.parse("2016-06-24T20:56:52.435Z"));
        assertThat(Json.read("{\"at\":1466801812}", Stamped.class).at())
                .isEqualTo(Instant.parse("2016-06-24T20:56:52Z"));
        assertThat(Json.read("{\"at\":\"2016-06-24T20:56:52.435Z\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2016-06-24T20:56:52.435Z"));
    }
}
