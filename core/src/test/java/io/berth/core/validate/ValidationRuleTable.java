package io.berth.core.validate;

import io.berth.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of validation rules: each concrete class supplies static {@code rejections()} and
 * {@code acceptances()} rows (built with {@link ValidationRows}); every row runs as its own named test.
 */
abstract class ValidationRuleTable {

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("rejections")
    void rejectsTheRow(String json, ErrorCode code, List<String> messageFragments) {
        ValidationRows.assertRejected(json, code, messageFragments);
    }

    @ParameterizedTest(name = "accepts {0}")
    @MethodSource("acceptances")
    void storesTheRow(String json, String pointer, String expectedJson) {
        ValidationRows.assertAccepted(json, pointer, expectedJson);
    }
}
