package io.berth.core.validate;

import static io.berth.core.error.ErrorCode.CLIENT_EXCEPTION;
import static io.berth.core.error.ErrorCode.INVALID_PARAMETER_EXCEPTION;
import static io.berth.core.validate.ValidationRows.ABSENT;
import static io.berth.core.validate.ValidationRows.accepts;
import static io.berth.core.validate.ValidationRows.container;
import static io.berth.core.validate.ValidationRows.rejects;
import static io.berth.core.validate.ValidationRows.task;
import static io.berth.core.validate.ValidationRows.web;
import static io.berth.core.validate.ValidationRows.webTask;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Port mapping rules by network mode (ecs-semantics §3.2, §4.3) and the mappings ECS stores. */
class PortMappingRulesTest extends ValidationRuleTable {

    private static final String AWSVPC = "'networkMode':'awsvpc'";
    private static final String HOST = "'networkMode':'host'";
    private static final String FIRST = "/containerDefinitions/0/portMappings/0";


    static Stream<Arguments> rejections() {
        return Stream.of(
                rejects("container port 0", mappings("", "{'containerPort':0}"), CLIENT_EXCEPTION,
                        "container 'web'", "'containerPort' 0"),
                rejects("container port 65536", mappings("", "{'containerPort':65536}"), CLIENT_EXCEPTION,
                        "container 'web'", "'containerPort' 65536"),
                rejects("a mapping with neither container port nor range", mappings("", "{'hostPort':8080}"),
                        CLIENT_EXCEPTION, "container 'web'", "'containerPort'"),
                rejects("host port -1", mappings("", "{'containerPort':80,'hostPort':-1}"), CLIENT_EXCEPTION,
                        "container 'web'", "'hostPort' -1"),
                rejects("host port 65536", mappings("", "{'containerPort':80,'hostPort':65536}"), CLIENT_EXCEPTION,
                        "container 'web'", "'hostPort' 65536"),
                rejects("protocol sctp", mappings("", "{'containerPort':80,'protocol':'sctp'}"),
                        INVALID_PARAMETER_EXCEPTION, "container 'web'", "'protocol'", "'sctp'"),
                rejects("app protocol ftp", mappings("", "{'containerPort':80,'appProtocol':'ftp'}"),
                        INVALID_PARAMETER_EXCEPTION, "container 'web'", "'appProtocol'", "'ftp'"),
                rejects("a mapping name starting with a hyphen", mappings("", "{'containerPort':80,'name':'-http'}"),
                        CLIENT_EXCEPTION, "container 'web'", "'-http'"),
                rejects("a mapping name used by two containers", task("", web("'portMappings':[{'containerPort':80,"
                        + "'name':'http'}]"), container("api", "'image':'busybox','memory':64,'portMappings':"
                        + "[{'containerPort':81,'name':'http'}]")), CLIENT_EXCEPTION, "container 'api'", "'http'",
                        "container 'web'"),
                rejects("a host port other than the container port in awsvpc mode",
                        mappings(AWSVPC, "{'containerPort':80,'hostPort':8080}"), CLIENT_EXCEPTION,
                        "container 'web'", "'awsvpc'", "'hostPort'", "8080"),
                rejects("host port 0 in host mode", mappings(HOST, "{'containerPort':80,'hostPort':0}"),
                        CLIENT_EXCEPTION, "container 'web'", "'host'", "'hostPort'"),
                rejects("a port mapping in network mode none", mappings("'networkMode':'none'",
                        "{'containerPort':80}"), CLIENT_EXCEPTION, "container 'web'", "'none'"),
                rejects("the same container port and protocol twice", mappings("", "{'containerPort':80,"
                        + "'hostPort':8080},{'containerPort':80,'hostPort':8081}"), CLIENT_EXCEPTION,
                        "container 'web'", "container port 80/tcp and container port 80/tcp"),
                rejects("an omitted protocol and tcp on the same port", mappings("", "{'containerPort':80},"
                        + "{'containerPort':80,'protocol':'tcp'}"), CLIENT_EXCEPTION, "container 'web'", "80/tcp"),
                rejects("static host port 22 in bridge mode", mappings("", "{'containerPort':2222,'hostPort':22}"),
                        CLIENT_EXCEPTION, "container 'web'", "Host port 22 is reserved"),
                rejects("static host port 2375 in bridge mode", mappings("", "{'containerPort':80,"
                        + "'hostPort':2375}"), CLIENT_EXCEPTION, "Host port 2375 is reserved"),
                rejects("static host port 2376 in bridge mode", mappings("", "{'containerPort':80,"
                        + "'hostPort':2376}"), CLIENT_EXCEPTION, "Host port 2376 is reserved"),
                rejects("static host port 51678 in bridge mode", mappings("", "{'containerPort':80,"
                        + "'hostPort':51678}"), CLIENT_EXCEPTION, "Host port 51678 is reserved"),
                rejects("static host port 51680 in bridge mode", mappings("", "{'containerPort':80,"
                        + "'hostPort':51680}"), CLIENT_EXCEPTION, "Host port 51680 is reserved"),
                rejects("container port 22 in host mode, which binds the host's port 22", mappings(HOST,
                        "{'containerPort':22}"), CLIENT_EXCEPTION, "container 'web'", "Host port 22 is reserved"),
                rejects("one static host port in two containers", task("", web("'portMappings':[{'containerPort':"
                        + "80,'hostPort':8080}]"), container("api", "'image':'busybox','memory':64,'portMappings':"
                        + "[{'containerPort':81,'hostPort':8080}]")), CLIENT_EXCEPTION, "container 'api'",
                        "8080/tcp", "container 'web'"),
                rejects("two container ports on one static host port", mappings("", "{'containerPort':80,"
                        + "'hostPort':8080},{'containerPort':81,'hostPort':8080}"), CLIENT_EXCEPTION,
                        "container 'web'", "8080/tcp"),
                rejects("one port in two containers of an awsvpc task, which share an interface",
                        task(AWSVPC, web("'portMappings':[{'containerPort':80}]"), container("api",
                                "'image':'busybox','memory':64,'portMappings':[{'containerPort':80}]")),
                        CLIENT_EXCEPTION, "container 'api'", "80/tcp"),
                rejects("a port range with a container port", mappings(AWSVPC, "{'containerPortRange':"
                        + "'8000-8010','containerPort':8000}"), CLIENT_EXCEPTION, "container 'web'",
                        "'containerPortRange'"),
                rejects("a port range with a host port", mappings(AWSVPC, "{'containerPortRange':'8000-8010',"
                        + "'hostPort':8000}"), CLIENT_EXCEPTION, "container 'web'", "'containerPortRange'"),
                rejects("a port range in host mode", mappings(HOST, "{'containerPortRange':'8000-8010'}"),
                        CLIENT_EXCEPTION, "container 'web'", "'containerPortRange'", "'host'"),
                rejects("a port range whose first port is not below its last", mappings(AWSVPC,
                        "{'containerPortRange':'8010-8000'}"), CLIENT_EXCEPTION, "container 'web'", "'8010-8000'"),
                rejects("a port range starting at 0", mappings(AWSVPC, "{'containerPortRange':'0-10'}"),
                        CLIENT_EXCEPTION, "'0-10'"),
                rejects("a port range ending past 65535", mappings(AWSVPC, "{'containerPortRange':'65000-65536'}"),
                        CLIENT_EXCEPTION, "'65000-65536'"),
                rejects("a port range that is not a range", mappings(AWSVPC, "{'containerPortRange':'8000'}"),
                        CLIENT_EXCEPTION, "'8000'"),
                rejects("a port inside a port range of the same container", mappings(AWSVPC, "{'containerPortRange':"
                        + "'8000-8010'},{'containerPort':8005}"), CLIENT_EXCEPTION, "container 'web'",
                        "container port range 8000-8010/tcp and container port 8005/tcp"),
                rejects("101 port ranges in one container", mappings(AWSVPC, ranges(101)), CLIENT_EXCEPTION,
                        "container 'web'", "At most 100", "got 101"),
                rejects("overlapping port ranges", mappings(AWSVPC, "{'containerPortRange':'8000-8010'},"
                        + "{'containerPortRange':'8010-8020'}"), CLIENT_EXCEPTION, "container 'web'", "overlap"));
    }

    static Stream<Arguments> acceptances() {
        return Stream.of(
                accepts("container port 1", mappings("", "{'containerPort':1}"), FIRST + "/containerPort", "1"),
                accepts("container port 65535", mappings("", "{'containerPort':65535}"), FIRST + "/containerPort",
                        "65535"),
                accepts("an omitted protocol, stored as tcp", mappings("", "{'containerPort':80}"),
                        FIRST + "/protocol", "'tcp'"),
                accepts("protocol udp", mappings("", "{'containerPort':53,'protocol':'udp'}"), FIRST + "/protocol",
                        "'udp'"),
                accepts("the same port over tcp and udp", mappings("", "{'containerPort':53,'protocol':'tcp'},"
                        + "{'containerPort':53,'protocol':'udp'}"),
                        "/containerDefinitions/0/portMappings/1/protocol", "'udp'"),
                accepts("an omitted host port in bridge mode, left dynamic", mappings("", "{'containerPort':80}"),
                        FIRST + "/hostPort", ABSENT),
                accepts("host port 0 in bridge mode, left dynamic", mappings("", "{'containerPort':80,'hostPort':0}"),
                        FIRST + "/hostPort", "0"),
                accepts("static host port 8080 in bridge mode", mappings("", "{'containerPort':80,"
                        + "'hostPort':8080}"), FIRST + "/hostPort", "8080"),
                accepts("static host port 65535 in bridge mode", mappings("", "{'containerPort':80,"
                        + "'hostPort':65535}"), FIRST + "/hostPort", "65535"),
                accepts("static host port 51681, next to the agent's ports", mappings("", "{'containerPort':80,"
                        + "'hostPort':51681}"), FIRST + "/hostPort", "51681"),
                accepts("an omitted host port in awsvpc mode, set to the container port", mappings(AWSVPC,
                        "{'containerPort':80}"), FIRST + "/hostPort", "80"),
                accepts("a host port equal to the container port in awsvpc mode", mappings(AWSVPC,
                        "{'containerPort':80,'hostPort':80}"), FIRST + "/hostPort", "80"),
                accepts("an omitted host port in host mode, set to the container port", mappings(HOST,
                        "{'containerPort':8080}"), FIRST + "/hostPort", "8080"),
                accepts("container port 22 in awsvpc mode, on the task's own interface", mappings(AWSVPC,
                        "{'containerPort':22}"), FIRST + "/hostPort", "22"),
                accepts("no port mappings, stored as an empty list", webTask("", ""),
                        "/containerDefinitions/0/portMappings", "[]"),
                accepts("a named mapping with an app protocol", mappings("", "{'containerPort':80,'name':'http',"
                        + "'appProtocol':'http2'}"), FIRST + "/name", "'http'"),
                accepts("a port range in awsvpc mode, kept without host ports", mappings(AWSVPC,
                        "{'containerPortRange':'8000-8010'}"), FIRST, "{'protocol':'tcp',"
                        + "'containerPortRange':'8000-8010'}"),
                accepts("a port range in bridge mode", mappings("", "{'containerPortRange':'8000-8010',"
                        + "'protocol':'udp'}"), FIRST + "/containerPortRange", "'8000-8010'"),
                accepts("100 port ranges in one container", mappings(AWSVPC, ranges(100)),
                        "/containerDefinitions/0/portMappings/99/containerPortRange", "'199-200'"),
                accepts("adjacent port ranges", mappings(AWSVPC, "{'containerPortRange':'8000-8010'},"
                        + "{'containerPortRange':'8011-8020'}"),
                        "/containerDefinitions/0/portMappings/1/containerPortRange", "'8011-8020'"),
                accepts("one dynamic port mapping in each of two containers", task("",
                        web("'portMappings':[{'containerPort':80}]"), container("api",
                                "'image':'busybox','memory':64,'portMappings':[{'containerPort':80}]")),
                        "/containerDefinitions/1/portMappings/0/hostPort", ABSENT));
    }

    /** {@code count} disjoint two-port ranges: 1-2, 3-4, ... */
    private static String ranges(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{'containerPortRange':'" + (2 * i + 1) + "-" + (2 * i + 2) + "'}")
                .collect(Collectors.joining(","));
    }

    /** Container 'web' with the given port mappings, in a task with the given members. */
    private static String mappings(String taskMembers, String portMappings) {
        return webTask(taskMembers, "'portMappings':[" + portMappings + "]");
    }
}
