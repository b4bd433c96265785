package io.berth.projection.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.berth.core.command.CreateService;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class TaskQueriesTest {

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    /**
     * A cluster with two instances, three standalone web tasks, a nightly batch task with tags,
     * and a task in the group of service "api" (as the scheduler would start it); the first web
     * task is stopped, the second runs.
     */
    private Scenario cluster() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("prod")
                .registerTaskDefinition("web")
                .request(RegisterTaskDefinition.class, "{'family':'batch','containerDefinitions':[{'name':'app',"
                        + "'image':'busybox','cpu':256,'memory':128}]}")
                .registerInstance("prod", 2048, 4096, "eu-west-1a", "")
                .registerInstance("prod", 2048, 4096, "eu-west-1b", "")
                .runTask("prod", "web", 3, "")
                .runTask("prod", "batch", 1, "'startedBy':'nightly','tags':[{'key':'job','value':'n1'}]")
                .request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web',"
                        + "'desiredCount':1}")
                .runTask("prod", "web", 1, "'group':'service:api'");
        List<String> tasks = s.taskArns("prod");
        assertThat(tasks).hasSize(5);
        return s.stopTask("prod", tasks.get(0))
                .report("prod", tasks.get(0), "STOPPED")
                .report("prod", tasks.get(1), "RUNNING");
    }

    @Test
    void describesTasksByIdShortAndLongArnWithMissingOnes() {
        Scenario s = cluster();
        List<String> tasks = s.taskArns("prod");
        String stopped = tasks.get(0);
        String running = tasks.get(1);
        String batch = tasks.get(3);
        String shortArn = "arn:aws:ecs:" + Scenario.REGION + ":" + s.account() + ":task/" + id(batch);
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("DescribeTasks", "{'cluster':'prod','tasks':['" + id(running) + "','" + stopped + "','" + shortArn
                + "','0123456789abcdef0123456789abcdef']}", written)
                .statusCode(200)
                .body("tasks.taskArn", contains(running, stopped, batch))
                .body("tasks.lastStatus", contains("RUNNING", "STOPPED", "PROVISIONING"))
                .body("tasks.desiredStatus", contains("RUNNING", "STOPPED", "RUNNING"))
                .body("tasks.group", contains("family:web", "family:web", "family:batch"))
                .body("tasks[2].startedBy", equalTo("nightly"))
                .body("tasks[2].containerInstanceArn", equalTo(s.task("prod", batch).containerInstanceArn()))
                .body("tasks[2].taskDefinitionArn", equalTo(s.taskDefinitionArn("batch", 1)))
                .body("tasks", everyItem(not(hasKey("tags"))))
                .body("failures.arn", contains("arn:aws:ecs:" + Scenario.REGION + ":" + s.account()
                        + ":task/prod/0123456789abcdef0123456789abcdef"))
                .body("failures.reason", contains("MISSING"));

        api.call("DescribeTasks", "{'cluster':'" + s.clusterArn("prod") + "','tasks':['" + batch + "','" + running
                + "'],'include':['TAGS']}")
                .statusCode(200)
                .body("tasks[0].tags", contains(Map.of("key", "job", "value", "n1")))
                .body("tasks[1].tags", empty())
                .body("failures", empty());
    }

    @Test
    void refusesUnknownClustersAndBadTaskLists() {
        Scenario s = cluster();
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("'t" + i + "'");
        }

        api.call("DescribeTasks", "{'tasks':['" + s.taskArns("prod").get(0) + "']}", written)
                .statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"))
                .body("message", equalTo("Cluster not found."));
        api.call("DescribeTasks", "{'cluster':'prod','tasks':[]}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("DescribeTasks", "{'cluster':'prod','tasks':[" + String.join(",", many) + "]}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("DescribeTasks", "{'cluster':'prod','tasks':['t'],'include':['EVERYTHING']}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("ListTasks", "{'cluster':'nowhere'}").statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"));
    }

    @Test
    void listsTasksOfADesiredStatusNarrowedByFilters() {
        Scenario s = cluster();
        List<String> tasks = s.taskArns("prod");
        List<String> live = sorted(tasks.subList(1, 5));
        String batch = tasks.get(3);
        String service = tasks.get(4);
        String instance = s.task("prod", tasks.get(2)).containerInstanceArn();
        List<String> onInstance = sorted(tasks.subList(1, 5).stream()
                .filter(t -> s.task("prod", t).containerInstanceArn().equals(instance)).toList());
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("ListTasks", "{'cluster':'prod'}", written).statusCode(200)
                .body("taskArns", equalTo(live))
                .body("nextToken", nullValue());
        api.call("ListTasks", "{'cluster':'prod','desiredStatus':'STOPPED'}").statusCode(200)
                .body("taskArns", contains(tasks.get(0)));
        api.call("ListTasks", "{'cluster':'prod','desiredStatus':'PENDING'}").statusCode(200)
                .body("taskArns", empty());
        api.call("ListTasks", "{'cluster':'prod','family':'batch'}").statusCode(200)
                .body("taskArns", contains(batch));
        api.call("ListTasks", "{'cluster':'prod','serviceName':'api'}").statusCode(200)
                .body("taskArns", contains(service));
        api.call("ListTasks", "{'cluster':'prod','startedBy':'nightly'}").statusCode(200)
                .body("taskArns", contains(batch));
        api.call("ListTasks", "{'cluster':'prod','containerInstance':'" + id(instance) + "'}").statusCode(200)
                .body("taskArns", equalTo(onInstance));
        api.call("ListTasks", "{'cluster':'prod','family':'web','launchType':'EC2'}").statusCode(200)
                .body("taskArns", containsInAnyOrder(tasks.get(1), tasks.get(2), service));
        api.call("ListTasks", "{'cluster':'prod','launchType':'FARGATE'}").statusCode(200)
                .body("taskArns", empty());
    }

    @Test
    void refusesStartedByWithOtherFiltersAndUnknownValues() {
        Scenario s = cluster();
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        for (String other : List.of("'family':'batch'", "'desiredStatus':'RUNNING'", "'serviceName':'api'",
                "'launchType':'EC2'", "'containerInstance':'" + s.instanceArns("prod").get(0) + "'")) {
            api.call("ListTasks", "{'cluster':'prod','startedBy':'nightly'," + other + "}", written)
                    .statusCode(400)
                    .body("__type", equalTo("InvalidParameterException"))
                    .body("message", equalTo("cannot specify startedBy with other arguments"));
        }
        api.call("ListTasks", "{'cluster':'prod','desiredStatus':'DONE'}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("ListTasks", "{'cluster':'prod','launchType':'SPACESHIP'}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("ListTasks", "{'cluster':'prod','maxResults':101}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("ListTasks", "{'cluster':'prod','nextToken':'" + PageToken.encode("ListServices", List.of("x"))
                + "'}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
    }

    @Test
    void listsTasksPageByPage() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("prod")
                .registerTaskDefinition("web")
                .registerInstance("prod", 4096, 8192, "eu-west-1a", "")
                .runTask("prod", "web", 10, "")
                .runTask("prod", "web", 3, "");
        EventLog.Written written = append(s);

        List<String> listed = Pages.all(new EcsApi(s.account()), "ListTasks", "{'cluster':'prod'}", "taskArns", 4,
                written);

        assertThat(listed).hasSize(13).isEqualTo(sorted(s.taskArns("prod")));
    }

    private static String id(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static List<String> sorted(List<String> arns) {
        return arns.stream().sorted().toList();
    }

    private EventLog.Written append(Scenario scenario) {
        try (EventLog log = new EventLog(bootstrapServers)) {
            return log.append(scenario.drain());
        }
    }
}
