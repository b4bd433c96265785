package io.berth.projection.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.berth.core.command.RegisterContainerInstance;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.projection.support.Accounts;
import io.berth.projection.support.EcsApi;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LocalStackResource;
import io.berth.projection.support.Pages;
import io.berth.projection.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ContainerInstanceQueriesTest {

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    /**
     * Four instances of "prod", in ARN order: 0 (zone a, stack blue, tagged) runs a batch task and
     * a web task, holds a pending web task and a stopped one; 1 (zone a) is DRAINING; 2 (zone b,
     * stack green) holds a pending web task; 3 (zone b) is deregistered. The tasks' placement is
     * applied before their reports, so the reports' rows must keep the reservations on their own.
     */
    private Scenario cluster() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("prod")
                .registerTaskDefinition("web")
                .request(RegisterTaskDefinition.class, "{'family':'batch','containerDefinitions':[{'name':'app',"
                        + "'image':'busybox','cpu':256,'memory':128,'portMappings':["
                        + "{'containerPort':8080,'hostPort':8080},"
                        + "{'containerPort':53,'hostPort':5353,'protocol':'udp'}]}]}")
                .request(RegisterContainerInstance.class, "{'cluster':'prod','totalResources':["
                        + "{'name':'CPU','type':'INTEGER','integerValue':2048},"
                        + "{'name':'MEMORY','type':'INTEGER','integerValue':4096}],"
                        + "'versionInfo':{'agentVersion':'1.80.0'},"
                        + "'attributes':[{'name':'ecs.availability-zone','value':'eu-west-1a'},"
                        + "{'name':'stack','value':'blue'}],'tags':[{'key':'rack','value':'r7'}]}")
                .registerInstance("prod", 2048, 4096, "eu-west-1a", "")
                .registerInstance("prod", 4096, 8192, "eu-west-1b", "{'name':'stack','value':'green'}")
                .registerInstance("prod", 1024, 1024, "eu-west-1b", "");
        List<String> instances = s.instanceArns("prod");
        s.startTask("prod", "batch", instances.get(0))
                .startTask("prod", "web", instances.get(0))
                .startTask("prod", "web", instances.get(0))
                .startTask("prod", "web", instances.get(0))
                .startTask("prod", "web", instances.get(2));
        new EcsApi(s.account()).call("ListTasks", "{'cluster':'prod'}", append(s)).statusCode(200)
                .body("taskArns.size()", equalTo(5));
        List<String> tasks = s.taskArns("prod");
        return s.report("prod", tasks.get(0), "RUNNING")
                .report("prod", tasks.get(1), "RUNNING")
                .stopTask("prod", tasks.get(3))
                .report("prod", tasks.get(3), "STOPPED")
                .drain("prod", instances.get(1))
                .deregisterInstance("prod", instances.get(3));
    }

    @Test
    void describesInstancesWithRemainingResourcesAndTaskCounts() {
        Scenario s = cluster();
        List<String> instances = s.instanceArns("prod");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("DescribeContainerInstances", "{'cluster':'prod','containerInstances':['" + id(instances.get(0))
                + "','" + instances.get(2) + "','" + instances.get(3) + "','0123456789abcdef0123456789abcdef']}",
                written)
                .statusCode(200)
                .body("containerInstances.containerInstanceArn", contains(instances.get(0), instances.get(2),
                        instances.get(3)))
                .body("containerInstances.status", contains("ACTIVE", "ACTIVE", "INACTIVE"))
                // 2048 - 256 (batch); 4096 - 128 (batch) - 64 (running web) - 64 (pending web); the stopped
                // task holds nothing. The ports taken are the registered reserved ones plus the batch task's.
                .body("containerInstances[0].remainingResources", contains(
                        Map.of("name", "CPU", "type", "INTEGER", "integerValue", 1792, "longValue", 0,
                                "doubleValue", 0.0f),
                        Map.of("name", "MEMORY", "type", "INTEGER", "integerValue", 3840, "longValue", 0,
                                "doubleValue", 0.0f),
                        Map.of("name", "PORTS", "type", "STRINGSET", "integerValue", 0, "longValue", 0,
                                "doubleValue", 0.0f,
                                "stringSetValue", List.of("22", "2375", "2376", "8080", "51678", "51679", "51680")),
                        Map.of("name", "PORTS_UDP", "type", "STRINGSET", "integerValue", 0, "longValue", 0,
                                "doubleValue", 0.0f, "stringSetValue", List.of("5353"))))
                .body("containerInstances[0].runningTasksCount", equalTo(2))
                .body("containerInstances[0].pendingTasksCount", equalTo(1))
                .body("containerInstances[1].remainingResources.integerValue", contains(4096, 8128, 0, 0))
                .body("containerInstances[1].runningTasksCount", equalTo(0))
                .body("containerInstances[1].pendingTasksCount", equalTo(1))
                .body("containerInstances[2].remainingResources.integerValue", contains(1024, 1024, 0, 0))
                .body("containerInstances[2].runningTasksCount", equalTo(0))
                .body("containerInstances[0].registeredResources.integerValue", contains(2048, 4096, 0, 0))
                .body("containerInstances[0].versionInfo.agentVersion", equalTo("1.80.0"))
                .body("containerInstances", everyItem(not(hasKey("tags"))))
                .body("failures.arn", contains("arn:aws:ecs:" + Scenario.REGION + ":" + s.account()
                        + ":container-instance/prod/0123456789abcdef0123456789abcdef"))
                .body("failures.reason", contains("MISSING"));

        api.call("DescribeContainerInstances", "{'cluster':'" + s.clusterArn("prod") + "','containerInstances':['"
                + instances.get(0) + "','" + instances.get(1) + "'],'include':['TAGS','CONTAINER_INSTANCE_HEALTH']}")
                .statusCode(200)
                .body("containerInstances[0].tags", contains(Map.of("key", "rack", "value", "r7")))
                .body("containerInstances[1].tags", empty())
                .body("containerInstances[1].status", equalTo("DRAINING"));
    }

    @Test
    void refusesUnknownClustersAndBadInstanceLists() {
        Scenario s = cluster();
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());
        List<String> many = IntStream.range(0, 101).mapToObj(i -> "'i" + i + "'").toList();

        api.call("DescribeContainerInstances", "{'containerInstances':['" + s.instanceArns("prod").get(0) + "']}",
                written)
                .statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"));
        api.call("DescribeContainerInstances", "{'cluster':'prod','containerInstances':[]}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("DescribeContainerInstances", "{'cluster':'prod','containerInstances':[" + String.join(",", many)
                + "]}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("DescribeContainerInstances", "{'cluster':'prod','containerInstances':['x'],'include':['ALL']}")
                .statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("ListContainerInstances", "{'cluster':'nowhere'}").statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"));
        api.call("ListContainerInstances", "{'cluster':'prod','status':'INACTIVE'}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("ListContainerInstances", "{'cluster':'prod','maxResults':0}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
    }

    @Test
    void listsEveryStatusButInactiveOrTheOneAskedFor() {
        Scenario s = cluster();
        List<String> instances = s.instanceArns("prod");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("ListContainerInstances", "{'cluster':'prod'}", written).statusCode(200)
                .body("containerInstanceArns", equalTo(instances.subList(0, 3)))
                .body("nextToken", nullValue());
        api.call("ListContainerInstances", "{'cluster':'prod','status':'ACTIVE'}").statusCode(200)
                .body("containerInstanceArns", contains(instances.get(0), instances.get(2)));
        api.call("ListContainerInstances", "{'cluster':'prod','status':'DRAINING'}").statusCode(200)
                .body("containerInstanceArns", contains(instances.get(1)));
        api.call("ListContainerInstances", "{'cluster':'prod','status':'REGISTERING'}").statusCode(200)
                .body("containerInstanceArns", empty());
        api.call("ListContainerInstances", "{'cluster':'prod','status':'DRAINING',"
                + "'filter':'attribute:ecs.availability-zone == eu-west-1a'}").statusCode(200)
                .body("containerInstanceArns", contains(instances.get(1)));
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                row("an attribute equals", "attribute:ecs.availability-zone == eu-west-1a", 0, 1),
                row("an attribute exists", "attribute:stack exists", 0, 2),
                row("an attribute is in a list", "attribute:stack in [blue, red]", 0),
                row("a task of a group is there", "task:group == family:batch", 0),
                row("no task of a group is there", "not(task:group == family:web)", 1),
                row("running tasks, not pending ones, are counted", "runningTasksCount > 0", 0),
                row("pending tasks leave the running count at 0",
                        "runningTasksCount == 0 and attribute:ecs.availability-zone == eu-west-1b", 2),
                row("the agent is connected and new enough", "agentConnected == true && agentVersion >= 1.80.0",
                        0, 1, 2),
                row("a regular expression and a negation",
                        "attribute:ecs.availability-zone =~ eu-west-1[ab] and !(attribute:stack == green)", 0, 1),
                row("nothing matches", "attribute:stack == purple"));
    }

    private static Arguments row(String name, String filter, Integer... instances) {
        return Arguments.of(Named.of(name, filter), List.of(instances));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filtersWithTheClusterQueryLanguage(String filter, List<Integer> expected) {
        Scenario s = cluster();
        List<String> instances = s.instanceArns("prod");
        EventLog.Written written = append(s);

        new EcsApi(s.account()).call("ListContainerInstances", "{'cluster':'prod','filter':'" + filter + "'}",
                written)
                .statusCode(200)
                .body("containerInstanceArns", equalTo(expected.stream().map(instances::get).toList()));
    }

    @Test
    void refusesAMalformedFilter() {
        Scenario s = cluster();
        EventLog.Written written = append(s);

        new EcsApi(s.account()).call("ListContainerInstances",
                "{'cluster':'prod','filter':'attribute:stack == blue and'}", written)
                .statusCode(400)
                .body("__type", equalTo("InvalidParameterException"))
                .body("message", containsString("attribute:stack == blue and"));
        new EcsApi(s.account()).call("ListContainerInstances", "{'cluster':'prod','filter':'colour == blue'}")
                .statusCode(400)
                .body("__type", equalTo("InvalidParameterException"))
                .body("message", containsString("unknown subject"));
    }

    /** More instances than are read at a time, few of which match: pages still come full. */
    @Test
    void pagesThroughAFilteredListingLongerThanOneRead() {
        Scenario s = new Scenario(Accounts.fresh()).createCluster("big");
        for (int i = 0; i < 450; i++) {
            s.registerInstance("big", 1024, 1024, "eu-west-1a", i % 60 == 0 ? "{'name':'tier','value':'gold'}" : "");
        }
        List<String> instances = s.instanceArns("big");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        List<String> gold = Pages.all(api, "ListContainerInstances",
                "{'cluster':'big','filter':'attribute:tier == gold'}", "containerInstanceArns", 3, written);
        List<String> all = Pages.all(api, "ListContainerInstances", "{'cluster':'big'}", "containerInstanceArns", 100,
                written);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 450; i += 60) {
            expected.add(instances.get(i));
        }
        assertThat(gold).hasSize(8).isEqualTo(expected);
        assertThat(all).isEqualTo(instances);
    }

    private static String id(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private EventLog.Written append(Scenario scenario) {
        try (EventLog log = new EventLog(bootstrapServers)) {
            return log.append(scenario.drain());
        }
    }
}
