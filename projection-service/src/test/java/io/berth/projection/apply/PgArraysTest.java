package io.berth.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PgArraysTest {

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("no rows", List.of(), "{}"),
                Arguments.of("plain text is quoted", List.of("a", "b c"), "{\"a\",\"b c\"}"),
                Arguments.of("null is NULL, unquoted", Arrays.asList("a", null), "{\"a\",NULL}"),
                Arguments.of("quotes and backslashes are escaped", List.of("{\"k\":\"v\\\\n\"}"),
                        "{\"{\\\"k\\\":\\\"v\\\\\\\\n\\\"}\"}"),
                Arguments.of("escapes next to each other and at the ends", List.of("\"\\\"", "\\"),
                        "{\"\\\"\\\\\\\"\",\"\\\\\"}"),
                Arguments.of("numbers as their text", List.of(7, -1L), "{\"7\",\"-1\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("literals")
    void writesTheArrayLiteral(String name, List<Object> values, String literal) {
        assertThat(PgArrays.column(values, Function.identity())).isEqualTo(literal);
    }
}
