package io.berth.projection.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
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
class ServiceQueriesTest {

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void describesServicesByNameAndArnWithTheirNewestEvents() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("prod")
                .registerTaskDefinition("web")
                .request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web',"
                        + "'desiredCount':2,'tags':[{'key':'team','value':'core'}]}")
                .createService("prod", "gone", "web")
                .deleteService("prod", "gone");
        for (int i = 0; i < 105; i++) {
            s.serviceEvent("prod", "api", "event " + i);
        }
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        String shortArn = "arn:aws:ecs:" + Scenario.REGION + ":" + s.account() + ":service/gone";
        api.call("DescribeServices", "{'cluster':'prod','services':['api','" + shortArn + "','"
                + s.serviceArn("prod", "api") + "','ghost']}", written)
                .statusCode(200)
                .body("services.serviceName", contains("api", "gone", "api"))
                .body("services.status", contains("ACTIVE", "DRAINING", "ACTIVE"))
                .body("services[0].desiredCount", equalTo(2))
                .body("services[0].deployments.size()", equalTo(1))
                .body("services[0].deployments[0].status", equalTo("PRIMARY"))
                .body("services[0].events.size()", equalTo(100))
                .body("services[0].events[0].message", equalTo("event 104"))
                .body("services[0].events[99].message", equalTo("event 5"))
                .body("services[0]", not(hasKey("tags")))
                .body("services[1].events", empty())
                .body("failures.arn", contains(s.serviceArn("prod", "ghost")))
                .body("failures.reason", contains("MISSING"));

        api.call("DescribeServices", "{'cluster':'" + s.clusterArn("prod") + "','services':['api'],"
                + "'include':['TAGS']}")
                .statusCode(200)
                .body("services[0].tags", contains(Map.of("key", "team", "value", "core")));
    }

    @Test
    void aRecreatedServiceStartsWithNoEvents() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("prod")
                .registerTaskDefinition("web")
                .createService("prod", "again", "web")
                .serviceEvent("prod", "again", "from the first life")
                .deleteService("prod", "again");
        s.settle("prod", "again");
        s.createService("prod", "again", "web")
                .serviceEvent("prod", "again", "from the second life");
        EventLog.Written written = append(s);

        new EcsApi(s.account()).call("DescribeServices", "{'cluster':'prod','services':['again']}", written)
                .statusCode(200)
                .body("services[0].status", equalTo("ACTIVE"))
                .body("services[0].events.message", contains("from the second life"));
    }

    @Test
    void refusesUnknownClustersAndBadServiceLists() {
        Scenario s = new Scenario(Accounts.fresh()).createCluster("prod");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("DescribeServices", "{'cluster':'nowhere','services':['x']}", written)
                .statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"))
                .body("message", equalTo("Cluster not found."));
        api.call("ListServices", "{'cluster':'nowhere'}")
                .statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"));
        api.call("DescribeServices", "{'services':['x']}")
                .statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"));
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("'s" + i + "'");
        }
        for (String services : List.of("[]", "[" + String.join(",", eleven) + "]",
                "['" + s.serviceArn("other", "x") + "']")) {
            api.call("DescribeServices", "{'cluster':'prod','services':" + services + "}")
                    .statusCode(400)
                    .body("__type", equalTo("InvalidParameterException"));
        }
        for (String body : List.of("{'cluster':'prod','maxResults':101}", "{'cluster':'prod','launchType':'MOON'}",
                "{'cluster':'prod','schedulingStrategy':'SOMETIMES'}", "{'cluster':'prod','nextToken':'garbled'}")) {
            api.call("ListServices", body)
                    .statusCode(400)
                    .body("__type", equalTo("InvalidParameterException"));
        }
    }

    @Test
    void listsActiveServicesTenAtATimeWithFilters() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("prod")
                .registerTaskDefinition("web")
                .request(RegisterTaskDefinition.class, "{'family':'fg','networkMode':'awsvpc',"
                        + "'requiresCompatibilities':['FARGATE'],'cpu':'256','memory':'512','containerDefinitions':"
                        + "[{'name':'app','image':'busybox'}]}")
                .request(CreateService.class, "{'cluster':'prod','serviceName':'fargate','taskDefinition':'fg',"
                        + "'launchType':'FARGATE','desiredCount':1,'networkConfiguration':{'awsvpcConfiguration':"
                        + "{'subnets':['subnet-1']}}}")
                .request(CreateService.class, "{'cluster':'prod','serviceName':'daemon','taskDefinition':'web',"
                        + "'schedulingStrategy':'DAEMON'}")
                .createService("prod", "drained", "web")
                .deleteService("prod", "drained");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String name = String.format("svc-%02d", i);
            s.createService("prod", name, "web");
        }
        expected.add(s.serviceArn("prod", "daemon"));
        expected.add(s.serviceArn("prod", "fargate"));
        for (int i = 0; i < 11; i++) {
            expected.add(s.serviceArn("prod", String.format("svc-%02d", i)));
        }
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("ListServices", "{'cluster':'prod'}", written)
                .statusCode(200)
                .body("serviceArns.size()", equalTo(10))
                .body("nextToken", not(nullValue()));
        assertThat(Pages.all(api, "ListServices", "{'cluster':'prod'}", "serviceArns", 4, written))
                .containsExactlyElementsOf(expected);
        api.call("ListServices", "{'cluster':'prod','launchType':'FARGATE'}")
                .statusCode(200)
                .body("serviceArns", contains(s.serviceArn("prod", "fargate")));
        api.call("ListServices", "{'cluster':'prod','schedulingStrategy':'DAEMON'}")
                .statusCode(200)
                .body("serviceArns", contains(s.serviceArn("prod", "daemon")));
    }

    private EventLog.Written append(Scenario scenario) {
        try (EventLog log = new EventLog(bootstrapServers)) {
            return log.append(scenario.drain());
        }
    }
}
