package io.berth.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventStreamTokenTest {

    @Test
    void aResumeTokenRoundTrips() {
        Map<Integer, Long> next = new TreeMap<>(Map.of(0, 12L, 1, 7L, 3, 0L));

        String token = EventStream.token(next);

        assertThat(token).isEqualTo("0-12.1-7.3-0");
        assertThat(EventStream.parse(token)).isEqualTo(next);
    }

    @Test
    void aGarbledTokenIsRefused() {
        assertThatThrownBy(() -> EventStream.parse("0:12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventStream.parse("a-b")).isInstanceOf(NumberFormatException.class);
    }
}
