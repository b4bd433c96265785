package io.berth.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.core.agent.LogBatch;
import io.berth.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogChangesTest {

    private static final String TOPIC = "berth.logs";

    @Test
    void eachLineIsARowAtItsPlaceAndEachStreamIsUpsertedOnceWithItsTimes() {
        LogChanges changes = LogChanges.fold(TOPIC, List.of(
                record(0, 7, 1000, "s", new LogBatch.LogEvent(50, "a"), new LogBatch.LogEvent(40, "b")),
                record(0, 8, 900, "s", new LogBatch.LogEvent(60, "c")),
                record(0, 9, 1100, "other")), Map.of(0, 7L));

        assertThat(changes.events()).extracting(LogChanges.LogEventRow::message).containsExactly("a", "b", "c");
        assertThat(changes.events()).extracting(row -> row.logOffset() + "." + row.eventIndex())
                .containsExactly("7.0", "7.1", "8.0");
        assertThat(changes.events()).extracting(LogChanges.LogEventRow::ingestionTime)
                .containsExactly(1000L, 1000L, 900L);
        assertThat(changes.streams()).singleElement().satisfies(stream -> {
            assertThat(stream.creationTime()).isEqualTo(900);
            assertThat(stream.firstEventTimestamp()).isEqualTo(40);
            assertThat(stream.lastEventTimestamp()).isEqualTo(60);
            assertThat(stream.lastIngestionTime()).isEqualTo(1000);
        });
        assertThat(changes.appliedCount()).as("a batch without lines counts, and creates no stream").isEqualTo(3);
        assertThat(changes.nextOffsets()).containsExactly(Map.entry(0, 10L));
    }

    @Test
    void recordsBelowTheAppliedOffsetAreSkipped() {
        LogChanges changes = LogChanges.fold(TOPIC, List.of(
                record(1, 3, 1, "s", new LogBatch.LogEvent(1, "seen")),
                record(1, 4, 2, "s", new LogBatch.LogEvent(2, "new"))), Map.of(1, 4L));

        assertThat(changes.skippedCount()).isEqualTo(1);
        assertThat(changes.events()).extracting(LogChanges.LogEventRow::message).containsExactly("new");
    }

    @Test
    void aNulCharacterIsKeptAsAReplacementCharacter() {
        LogChanges changes = LogChanges.fold(TOPIC, List.of(record(0, 0, 1, "s",
                new LogBatch.LogEvent(1, "a\u0000b"))), Map.of());

        assertThat(changes.events().get(0).message()).isEqualTo("a\uFFFDb");
    }

    @Test
    void anUnreadableOrIncompleteRecordNamesItsPlaceInTheLog() {
        LogRecord garbage = new LogRecord(2, 41, 0L, "not json".getBytes(StandardCharsets.UTF_8));
        LogRecord nameless = new LogRecord(1, 5, 0L, Json.toBytes(new LogBatch("123456789012", "eu-west-1", "g",
                null, List.of())));

        assertThatThrownBy(() -> LogChanges.fold(TOPIC, List.of(garbage), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the log batch at berth.logs-2@41");
        assertThatThrownBy(() -> LogChanges.fold(TOPIC, List.of(nameless), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("berth.logs-1@5")
                .hasMessageContaining("logStreamName");
    }

    private static LogRecord record(int partition, long offset, long ingestedAt, String stream,
            LogBatch.LogEvent... events) {
        LogBatch batch = new LogBatch("123456789012", "eu-west-1", "/ecs/web", stream, List.of(events));
        return new LogRecord(partition, offset, ingestedAt, Json.toBytes(batch));
    }
}
