package io.berth.core.placement.query;

import static io.berth.core.placement.query.QueryRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator in both spellings on every subject, with rows that match and rows that do not,
 * against {@link Host#sample()} unless the row says otherwise.
 */
class ClusterQueryOperatorTest {

    private static final Host SAMPLE = Host.sample();

    static Stream<Arguments> attributes() {
        return Stream.of(
                row("== on an equal value", "attribute:ecs.os-type == linux", true),
                row("== on another value", "attribute:ecs.os-type == windows", false),
                row("== is case-sensitive", "attribute:ecs.os-type == Linux", false),
                row("equals", "attribute:ecs.os-type equals linux", true),
                row("EQUALS in capitals", "attribute:ecs.os-type EQUALS linux", true),
                row("== on an absent attribute", "attribute:rack == r1", false),
                row("== on an attribute present without value", "attribute:flag == r1", false),
                row("!= on another value", "attribute:ecs.os-type != windows", true),
                row("!= on an equal value", "attribute:ecs.os-type != linux", false),
                row("not_equals", "attribute:ecs.os-type not_equals windows", true),
                row("!= on an absent attribute", "attribute:rack != r1", true),
                row("> compares numbers as numbers", "attribute:gpu-count > 3", true),
                row("> on 10 against 9 as numbers", "attribute:gpu-count > 9", SAMPLE.attribute("gpu-count", "10"),
                        true),
                row("> on an equal number", "attribute:gpu-count > 4.0", false),
                row("greater_than", "attribute:gpu-count greater_than 3", true),
                row("> compares text as text", "attribute:ecs.instance-type > a1.medium", true),
                row(">= on an equal number", "attribute:gpu-count >= 4", true),
                row("greater_than_equal on a larger bound", "attribute:gpu-count greater_than_equal 5", false),
                row("< on a larger bound", "attribute:gpu-count < 5", true),
                row("less_than on an equal number", "attribute:gpu-count less_than 4", false),
                row("<= on an equal number", "attribute:gpu-count <= 4", true),
                row("less_than_equal on a smaller bound", "attribute:gpu-count less_than_equal 3", false),
                row("< on an absent attribute", "attribute:rack < 5", false),
                row("exists with a value", "attribute:ecs.os-type exists", true),
                row("exists without a value", "attribute:flag exists", true),
                row("exists when absent", "attribute:rack exists", false),
                row("!exists when absent", "attribute:rack !exists", true),
                row("not_exists without a value", "attribute:flag not_exists", false),
                row("in, listed", "attribute:ecs.os-type in [windows, linux]", true),
                row("in, not listed", "attribute:ecs.os-type in [windows]", false),
                row("in, one item", "attribute:ecs.os-type in [linux]", true),
                row("!in, not listed", "attribute:ecs.os-type !in [windows, macos]", true),
                row("not_in, listed", "attribute:ecs.os-type not_in [windows, linux]", false),
                row("not_in on an absent attribute", "attribute:rack not_in [r1]", true),
                row("=~ on a whole match", "attribute:ecs.instance-type =~ g2\\..*", true),
                row("=~ needs the whole value to match", "attribute:ecs.instance-type =~ g2", false),
                row("matches with alternation", "attribute:ecs.instance-type matches (t2|g2).*", true),
                row("=~ with a parenthesised group, unquoted", "not(attribute:ecs.instance-type =~ (t2|m5).*)", true),
                row("=~ on an absent attribute", "attribute:rack =~ .*", false),
                row("!~ on no match", "attribute:ecs.instance-type !~ t2.*", true),
                row("not_matches on a match", "attribute:ecs.instance-type not_matches g2.*", false));
    }

    static Stream<Arguments> subjects() {
        return Stream.of(
                row("agentConnected == true, connected", "agentConnected == true", true),
                row("agentConnected == true, disconnected", "agentConnected == true", SAMPLE.disconnected(), false),
                row("agentConnected == false, disconnected", "agentConnected == false", SAMPLE.disconnected(), true),
                row("agentConnected == TRUE", "agentConnected == TRUE", true),
                row("agentConnected != true, connected", "agentConnected != true", false),
                row("agentConnected in [false]", "agentConnected in [false]", false),
                row("agentConnected =~ t.*", "agentConnected =~ t.*", true),
                row("agentVersion == the same version", "agentVersion == 1.14.5", true),
                row("agentVersion == with a missing zero part", "agentVersion == 1.14.5.0", true),
                row("agentVersion != the same version", "agentVersion != 1.14.5", false),
                row("agentVersion > on 1.14.10", "agentVersion > 1.14.5", SAMPLE.agentVersion("1.14.10"), true),
                row("agentVersion >= on equal", "agentVersion >= 1.14.5", true),
                row("agentVersion <= on 2.0.0", "agentVersion <= 1.99.99", SAMPLE.agentVersion("2.0.0"), false),
                row("agentVersion: a pre-release is older than its release", "agentVersion < 1.15.0",
                        SAMPLE.agentVersion("1.15.0-rc1"), true),
                row("agentVersion with a v prefix", "agentVersion > v1.2", true),
                row("agentVersion unknown", "agentVersion < 9.0.0", SAMPLE.agentVersion(null), false),
                row("ec2InstanceId == its id", "ec2InstanceId == i-abcd1234", true),
                row("ec2InstanceId != its id", "ec2InstanceId != i-abcd1234", false),
                row("ec2InstanceId =~ a pattern", "ec2InstanceId =~ i-[a-f0-9]{8}", true),
                row("ec2InstanceId not_in a list without it", "ec2InstanceId not_in [i-1, i-2]", true),
                row("runningTasksCount == 2", "runningTasksCount == 2", true),
                row("runningTasksCount != 2", "runningTasksCount != 2", false),
                row("runningTasksCount > 1", "runningTasksCount > 1", true),
                row("runningTasksCount > 2", "runningTasksCount > 2", false),
                row("runningTasksCount >= 2", "runningTasksCount >= 2", true),
                row("runningTasksCount < 2", "runningTasksCount < 2", false),
                row("runningTasksCount <= 2", "runningTasksCount <= 2", true),
                row("runningTasksCount == 0 on an empty instance", "runningTasksCount == 0", SAMPLE.tasks(), true),
                row("task:group in a list with one of its groups", "task:group in [cache, family:web]", true),
                row("task:group != a group it runs", "task:group != service:production", false),
                row("task:group != on an empty instance", "task:group != service:production", SAMPLE.tasks(), true),
                row("task:group not_in groups it does not run", "task:group not_in [cache, db]", true),
                row("task:group =~ a prefix", "task:group =~ service:.*", true),
                row("task:group exists on a busy instance", "task:group exists", true),
                row("task:group exists on an empty instance", "task:group exists", SAMPLE.tasks(), false));
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                row("an offset date-time, equal", "registeredAt == 2018-06-18T22:28:28+00:00", true),
                row("a Z date-time, equal", "registeredAt == 2018-06-18T22:28:28Z", true),
                row("a date-time without zone is UTC", "registeredAt == 2018-06-18T22:28:28", true),
                row("another offset, same instant", "registeredAt == 2018-06-19T00:28:28+02:00", true),
                row("fractional seconds", "registeredAt < 2018-06-18T22:28:28.5Z", true),
                row("a date is its first instant, UTC", "registeredAt > 2018-06-18", true),
                row("a date, the day after", "registeredAt < 2018-06-19", true),
                row("a date, equal only at midnight", "registeredAt == 2018-06-18", false),
                row("a date, equal at midnight", "registeredAt == 2018-06-18",
                        SAMPLE.registeredAt("2018-06-18T00:00:00Z"), true),
                row(">= a second later", "registeredAt >= 2018-06-18T22:28:29Z", false),
                row("<= the same second", "registeredAt <= 2018-06-18T22:28:28Z", true),
                row("!= the same second", "registeredAt != 2018-06-18T22:28:28Z", false));
    }

    static Stream<Arguments> combinations() {
        return Stream.of(
                row("and binds tighter than or: a or (b and c)",
                        "agentConnected == true or agentConnected == false and runningTasksCount == 99", true),
                row("and binds tighter than or: (a and b) or c",
                        "runningTasksCount == 99 and agentConnected == true or agentConnected == true", true),
                row("parentheses override precedence",
                        "(agentConnected == true or agentConnected == false) and runningTasksCount == 99", false),
                row("&& and ||", "runningTasksCount == 99 || agentConnected == true && runningTasksCount == 2", true),
                row("AND and OR in capitals", "runningTasksCount == 99 OR agentConnected == true AND "
                        + "runningTasksCount == 2", true),
                row("both sides of and must hold", "agentConnected == true and runningTasksCount == 99", false),
                row("neither side of or holds", "runningTasksCount == 98 or runningTasksCount == 99", false),
                row("not negates a term", "not agentConnected == true", false),
                row("! negates a term", "! agentConnected == false", true),
                row("NOT in capitals", "NOT agentConnected == false", true),
                row("not not", "not not agentConnected == true", true),
                row("nested negated parentheses", "!(!(agentConnected == true))", true),
                row("not over a compound", "not(agentConnected == true and not runningTasksCount == 99)", false),
                row("not binds tighter than and", "not runningTasksCount == 99 and agentConnected == true", true),
                row("two anti-affinities", "not(task:group == database) and not(task:group == cache)", true),
                row("parentheses around a single term", "(attribute:ecs.os-type == linux)", true),
                row("nested parentheses", "((agentConnected == true) and (runningTasksCount == 2 or "
                        + "runningTasksCount == 3))", true),
                row("no spaces around symbols", "runningTasksCount==2&&attribute:ecs.os-type!=windows", true),
                row("a list without spaces", "attribute:ecs.os-type in[windows,linux]", true),
                row("surrounding white space", "  attribute:ecs.os-type == linux  ", true));
    }

    static Stream<Arguments> quoting() {
        return Stream.of(
                row("a quoted value", "attribute:ecs.instance-type == 'g2.2xlarge'", true),
                row("a quoted value with a space", "attribute:team == 'data platform'",
                        SAMPLE.attribute("team", "data platform"), true),
                row("a quoted and is a value, not a connective", "attribute:team == 'a and b'",
                        SAMPLE.attribute("team", "a and b"), true),
                row("a quoted parenthesis", "not(attribute:team == 'x)')", SAMPLE.attribute("team", "x)"), false),
                row("a quoted group name", "task:group == 'service:production'", true),
                row("quoted list items", "attribute:ecs.os-type in ['windows','linux']", true),
                row("a quoted list item with a comma", "attribute:team in ['a, b']", SAMPLE.attribute("team", "a, b"),
                        true),
                row("mixed quoted and bare items", "attribute:ecs.os-type in [windows, 'linux']", true),
                row("a quoted regular expression", "attribute:ecs.instance-type =~ '(g2|p3)\\..*'", true),
                row("an empty quoted value", "attribute:team == ''", SAMPLE.attribute("team", ""), true));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource({"attributes", "subjects", "dates", "combinations", "quoting"})
    void evaluates(String expression, Host host, boolean matches) {
        assertThat(ClusterQuery.parse(expression).matches(host)).isEqualTo(matches);
    }
}
