package io.berth.core.placement.query;

import static io.berth.core.placement.query.QueryRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of AWS's "Cluster query language" page and ecs-semantics §4.2, each on an instance
 * that matches and one that does not.
 */
class ClusterQueryExamplesTest {

    private static final Host SAMPLE = Host.sample();

    static Stream<Arguments> examples() {
        return Stream.of(
                row("string equality on the instance type", "attribute:ecs.instance-type == t2.small",
                        SAMPLE.attribute("ecs.instance-type", "t2.small"), true),
                row("string equality, another type", "attribute:ecs.instance-type == t2.small", false),
                row("an AZ in the list", "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]", true),
                row("an AZ outside the list", "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]",
                        SAMPLE.attribute("ecs.availability-zone", "us-east-1c"), false),
                row("a G2 outside us-east-1d",
                        "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d", true),
                row("a G2 in us-east-1d",
                        "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d",
                        SAMPLE.attribute("ecs.availability-zone", "us-east-1d"), false),
                row("a T2 outside us-east-1d",
                        "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d",
                        SAMPLE.attribute("ecs.instance-type", "t2.micro"), false),
                row("affinity: hosts a task of the group", "task:group == service:production", true),
                row("affinity: hosts only other groups", "task:group == service:production",
                        SAMPLE.tasks("family:web"), false),
                row("affinity: hosts nothing", "task:group == service:production", SAMPLE.tasks(), false),
                row("anti-affinity: hosts no database task", "not(task:group == database)", true),
                row("anti-affinity: hosts a database task", "not(task:group == database)",
                        SAMPLE.tasks("family:web", "database"), false),
                row("an agent older than 1.14.5", "agentVersion < 1.14.5", SAMPLE.agentVersion("1.14.4"), true),
                row("agent 1.9.0 is older, though it sorts after as text", "agentVersion < 1.14.5",
                        SAMPLE.agentVersion("1.9.0"), true),
                row("agent exactly 1.14.5", "agentVersion < 1.14.5", false),
                row("agent 1.14.10 is newer, though it sorts before as text", "agentVersion < 1.14.5",
                        SAMPLE.agentVersion("1.14.10"), false),
                row("registered before February 13, 2018", "registeredAt < 2018-02-13",
                        SAMPLE.registeredAt("2018-02-12T23:59:59Z"), true),
                row("registered after February 13, 2018", "registeredAt < 2018-02-13", false),
                row("one of the listed EC2 instances", "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", true),
                row("not one of the listed EC2 instances", "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
                        SAMPLE.ec2InstanceId("i-00000000"), false),
                row("running one task", "runningTasksCount == 1", SAMPLE.tasks("family:web"), true),
                row("running two tasks", "runningTasksCount == 1", false),
                row("registered a second before", "registeredAt < 2018-06-18T22:28:28+00:00",
                        SAMPLE.registeredAt("2018-06-18T22:28:27Z"), true),
                row("registered at that very second", "registeredAt < 2018-06-18T22:28:28+00:00", false),
                row("a Linux T2", "attribute:ecs.os-type == linux and attribute:ecs.instance-type =~ t2.*",
                        SAMPLE.attribute("ecs.instance-type", "t2.micro"), true),
                row("a Windows T2", "attribute:ecs.os-type == linux and attribute:ecs.instance-type =~ t2.*",
                        SAMPLE.attribute("ecs.instance-type", "t2.micro").attribute("ecs.os-type", "windows"), false),
                row("a Linux G2", "attribute:ecs.os-type == linux and attribute:ecs.instance-type =~ t2.*", false),
                row("the daemon-service affinity of the constraint examples", "task:group == service:daemon-service",
                        SAMPLE.tasks("service:daemon-service"), true));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("examples")
    void matchesAsDocumented(String expression, Host host, boolean matches) {
        assertThat(ClusterQuery.parse(expression).matches(host)).isEqualTo(matches);
    }
}
