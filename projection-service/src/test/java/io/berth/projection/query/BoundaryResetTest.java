package io.berth.projection.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.berth.core.command.CreateCluster;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.projection.support.Accounts;
import io.berth.projection.support.EcsApi;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LocalStackResource;
import io.berth.projection.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class BoundaryResetTest {

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void aClusterResetForgetsTheClusterItsServicesEventsAndTagsButKeepsTheAudit() {
        Scenario s = new Scenario(Accounts.fresh())
                .request(CreateCluster.class, "{'clusterName':'wiped','tags':[{'key':'k','value':'v'}]}")
                .createCluster("kept")
                .registerTaskDefinition("web")
                .createService("wiped", "svc", "web")
                .createService("kept", "svc", "web")
                .serviceEvent("wiped", "svc", "before the reset")
                .serviceEvent("kept", "svc", "untouched");
        s.tag(s.serviceArn("wiped", "svc"), "a", "b").reset("wiped");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("DescribeClusters", "{'clusters':['wiped','kept']}", written)
                .statusCode(200)
                .body("clusters.clusterName", contains("kept"))
                .body("failures.arn", contains(s.clusterArn("wiped")));
        api.call("DescribeServices", "{'cluster':'wiped','services':['svc']}")
                .statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"));
        api.call("DescribeServices", "{'cluster':'kept','services':['svc']}")
                .statusCode(200)
                .body("services[0].events.message", contains("untouched"));
        api.call("ListTagsForResource", "{'resourceArn':'" + s.clusterArn("wiped") + "'}")
                .statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"));
        api.call("DescribeTaskDefinition", "{'taskDefinition':'web'}")
                .statusCode(200);
        given().queryParam("account", s.account()).queryParam("region", Scenario.REGION)
                .queryParam("resourceArn", s.serviceArn("wiped", "svc"))
                .get("/internal/audit")
                .then()
                .statusCode(200)
                .body("entries.eventType", contains("ServiceCreated", "ServiceEventRecorded", "ResourceTagged"));

        // The boundary starts afresh: the same names can be used again, with no trace of before.
        s.createCluster("wiped").createService("wiped", "svc", "web");
        written = append(s);
        api.call("DescribeServices", "{'cluster':'wiped','services':['svc'],'include':['TAGS']}", written)
                .statusCode(200)
                .body("services[0].events", empty())
                .body("services[0].tags", empty());
    }

    @Test
    void aClusterResetForgetsItsContainerInstancesAndTasks() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("wiped")
                .createCluster("kept")
                .registerTaskDefinition("web")
                .registerInstance("wiped", 2048, 4096, "eu-west-1a", "")
                .registerInstance("kept", 2048, 4096, "eu-west-1a", "")
                .runTask("wiped", "web", 2, "")
                .runTask("kept", "web", 1, "");
        String wipedInstance = s.instanceArns("wiped").get(0);
        List<String> wipedTasks = s.taskArns("wiped");
        s.reset("wiped").createCluster("wiped");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("ListContainerInstances", "{'cluster':'wiped'}", written)
                .statusCode(200)
                .body("containerInstanceArns", empty());
        api.call("DescribeContainerInstances", "{'cluster':'wiped','containerInstances':['" + wipedInstance + "']}")
                .statusCode(200)
                .body("failures.arn", contains(wipedInstance));
        api.call("DescribeTasks", "{'cluster':'wiped','tasks':['" + wipedTasks.get(0) + "','" + wipedTasks.get(1)
                + "']}")
                .statusCode(200)
                .body("tasks", empty())
                .body("failures.reason", contains("MISSING", "MISSING"));
        api.call("ListTasks", "{'cluster':'wiped'}").statusCode(200).body("taskArns", empty());
        api.call("DescribeClusters", "{'clusters':['wiped','kept']}")
                .statusCode(200)
                .body("clusters.registeredContainerInstancesCount", contains(0, 1))
                .body("clusters.pendingTasksCount", contains(0, 1));
        api.call("ListTasks", "{'cluster':'kept'}").statusCode(200).body("taskArns", contains(s.taskArns("kept")
                .toArray()));
    }

    @Test
    void anAccountResetForgetsTaskDefinitionsAndTheirTags() {
        Scenario s = new Scenario(Accounts.fresh())
                .request(RegisterTaskDefinition.class, "{'family':'web','containerDefinitions':[{'name':'app',"
                        + "'image':'busybox','memory':64}],'tags':[{'key':'k','value':'v'}]}")
                .createCluster("c")
                .reset(null)
                .registerTaskDefinition("fresh");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("DescribeTaskDefinition", "{'taskDefinition':'web:1'}", written)
                .statusCode(400)
                .body("__type", equalTo("ClientException"));
        api.call("ListTagsForResource", "{'resourceArn':'" + s.taskDefinitionArn("web", 1) + "'}")
                .statusCode(400)
                .body("__type", equalTo("ResourceNotFoundException"));
        api.call("ListTaskDefinitionFamilies", "{'status':'ALL'}")
                .statusCode(200)
                .body("families", contains("fresh"));
        api.call("DescribeClusters", "{'clusters':['c']}")
                .statusCode(200)
                .body("clusters.clusterName", contains("c"));
        api.call("DescribeTaskDefinition", "{'taskDefinition':'fresh','include':['TAGS']}")
                .statusCode(200)
                .body("taskDefinition.revision", equalTo(1))
                .body("tags", empty());
        api.call("ListTagsForResource", "{'resourceArn':'" + s.clusterArn("c") + "'}")
                .statusCode(200)
                .body("tags", empty());
        given().queryParam("account", s.account()).queryParam("region", Scenario.REGION)
                .queryParam("resourceArn", s.taskDefinitionArn("web", 1))
                .get("/internal/audit")
                .then()
                .statusCode(200)
                .body("entries.eventType", contains("TaskDefinitionRegistered"))
                .body("entries[0]", org.hamcrest.Matchers.hasEntry("actor",
                        "arn:aws:iam::" + s.account() + ":user/tester"));
    }

    private EventLog.Written append(Scenario scenario) {
        try (EventLog log = new EventLog(bootstrapServers)) {
            return log.append(scenario.drain());
        }
    }
}
