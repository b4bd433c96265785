package io.berth.scheduler.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.core.arn.Scope;
import io.berth.core.command.LogPositions;
import io.berth.core.command.UpdateService;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DryRunRequestTest {

    private static byte[] body(String json) {
        return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theUpdateRunsInTheRequestsClusterAndScope() {
        DryRunRequest request = DryRunRequest.parse(body("{'account':'123456789012','region':'eu-west-1',"
                + "'cluster':'prod','update':{'cluster':'elsewhere','service':'api','desiredCount':3}}"));

        UpdateService update = request.command();

        assertThat(request.scope()).isEqualTo(new Scope("123456789012", "eu-west-1"));
        assertThat(update.cluster()).isEqualTo("prod");
        assertThat(update.service()).isEqualTo("api");
        assertThat(update.desiredCount()).isEqualTo(3);
        assertThat(update.boundary(request.scope()).key()).isEqualTo("123456789012/eu-west-1/cluster/prod");
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of(Named.of("not JSON", "{account"), ErrorCode.SERIALIZATION_EXCEPTION),
                Arguments.of(Named.of("an empty body", ""), ErrorCode.INVALID_PARAMETER_EXCEPTION),
                Arguments.of(Named.of("no cluster", "{'account':'1','region':'r','update':{}}"),
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                Arguments.of(Named.of("no update", "{'account':'1','region':'r','cluster':'c'}"),
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                Arguments.of(Named.of("an update that is not an object",
                        "{'account':'1','region':'r','cluster':'c','update':[1]}"), ErrorCode.INVALID_PARAMETER_EXCEPTION));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("unreadable")
    void aRequestWithoutWhatADryRunNeedsIsRefused(String json, ErrorCode code) {
        assertThatThrownBy(() -> DryRunRequest.parse(body(json)))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void anUpdateOfTheWrongShapeIsASerializationError() {
        DryRunRequest request = DryRunRequest.parse(body("{'account':'1','region':'r','cluster':'c',"
                + "'update':{'service':'api','desiredCount':'many'}}"));

        assertThatThrownBy(request::command).isInstanceOfSatisfying(EcsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SERIALIZATION_EXCEPTION));
    }

    @Test
    void minimumPositionsKeepTheHighestOffsetOfEachPartition() {
        assertThat(LogPositions.parse("0:5, 2:7,0:9")).isEqualTo(Map.of(0, 9L, 2, 7L));
        assertThat(LogPositions.parse(null)).isEmpty();
        assertThatThrownBy(() -> LogPositions.parse("0-5")).isInstanceOfSatisfying(EcsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION));
    }
}
