package io.berth.core.placement.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed expressions: each is an InvalidParameterException whose message names the problem and
 * its one-based position.
 */
class ClusterQuerySyntaxTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                rejects("an empty expression", "", "empty"),
                rejects("a blank expression", "   ", "empty"),
                rejects("an unknown subject", "zone == a", "unknown subject 'zone'", "position 1"),
                rejects("an attribute without a name", "attribute: == a", "unknown subject 'attribute:'"),
                rejects("a subject alone", "attribute:ecs.os-type", "expected an operator after attribute:ecs.os-type",
                        "the end of the expression", "position 22"),
                rejects("a single =", "attribute:a = b", "unknown operator '='", "position 13"),
                rejects("an unknown word operator", "attribute:a like b", "unknown operator 'like'"),
                rejects("an unknown ! operator", "attribute:a !foo b", "unknown operator '!foo'"),
                rejects("a missing value", "attribute:ecs.os-type ==", "expected a value after '=='",
                        "position 25"),
                rejects("a missing value before a parenthesis", "not(attribute:a == )", "expected a value after '=='",
                        "found ')'"),
                rejects("in without a list", "attribute:a in x, y", "expected a list such as [a, b] after 'in'",
                        "position 16"),
                rejects("an unclosed list", "attribute:a in [x, y", "expected ',' or ']'", "the end of the expression"),
                rejects("an empty list", "attribute:a in []", "expected a value in the list", "position 17"),
                rejects("an empty list item", "attribute:a not_in [x,,y]", "expected a value in the list",
                        "position 23"),
                rejects("an unclosed quote", "attribute:a == 'open", "quoted value is not closed", "position 16"),
                rejects("an unclosed parenthesis", "(attribute:a == b", "expected ')'", "position 18"),
                rejects("a stray closing parenthesis", "attribute:a == b)", "expected 'and', 'or' or the end",
                        "found ')'", "position 17"),
                rejects("two terms without a connective", "attribute:a == b attribute:c == d",
                        "expected 'and', 'or' or the end", "position 18"),
                rejects("a dangling and", "attribute:a == b and", "expected a subject, found the end"),
                rejects("a dangling &&", "attribute:a == b &&", "expected a subject, found the end"),
                rejects("not alone", "not", "expected a subject, found the end"),
                rejects("a leading and", "and attribute:a == b", "unknown subject 'and'"),
                rejects("empty parentheses", "()", "expected a subject, found ')'", "position 2"),
                rejects("a date that is not one", "registeredAt < yesterday", "registeredAt",
                        "'yesterday' is not a date", "position 16"),
                rejects("a date in a list that is not one", "registeredAt == 2018-13-45", "is not a date"),
                rejects("a count that is not a number", "runningTasksCount > many", "runningTasksCount",
                        "'many' is not a whole number"),
                rejects("a fractional count", "runningTasksCount > 1.5", "'1.5' is not a whole number"),
                rejects("a version that is not one", "agentVersion < latest", "'latest' is not a version"),
                rejects("a flag that is not one", "agentConnected == yes", "'yes' is not true or false"),
                rejects("a bad item in a flag list", "agentConnected in [true, maybe]", "'maybe' is not true or false",
                        "position 26"),
                rejects("a pattern on a date", "registeredAt =~ 2018.*", "the operator '=~' does not apply to "
                        + "registeredAt", "position 14"),
                rejects("an ordering on a flag", "agentConnected > false", "'>' does not apply to agentConnected"),
                rejects("an ordering on an instance id", "ec2InstanceId >= i-1",
                        "'>=' does not apply to ec2InstanceId"),
                rejects("exists on the agent version", "agentVersion exists",
                        "'exists' does not apply to agentVersion"),
                rejects("in on a count", "runningTasksCount in [1, 2]", "'in' does not apply to runningTasksCount"),
                rejects("a broken regular expression", "attribute:a =~ *x", "'*x' is not a Java regular expression",
                        "position 16"),
                rejects("an unbalanced regular expression", "attribute:a matches 'g2(.*'",
                        "is not a Java regular expression"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("malformed")
    void rejects(String expression, List<String> messageFragments) {
        EcsException rejection = catchThrowableOfType(EcsException.class, () -> ClusterQuery.parse(expression));
        assertThat(rejection).as("rejection of %s", expression).isNotNull();
        assertThat(rejection.code()).as(rejection.getMessage()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(rejection.getMessage()).contains(messageFragments);
    }

    private static Arguments rejects(String why, String expression, String... messageFragments) {
        return Arguments.of(Named.of(why + ": " + expression, expression), Arrays.asList(messageFragments));
    }
}
