package io.berth.projection.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.berth.core.command.DeleteTaskDefinitions;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.projection.support.Accounts;
import io.berth.projection.support.EcsApi;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LocalStackResource;
import io.berth.projection.support.Pages;
import io.berth.projection.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class TaskDefinitionQueriesTest {

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    private Scenario s;
    private EcsApi api;
    private EventLog.Written written;

    /**
     * web:1-3 (web:2 INACTIVE, web:3 tagged), api:1, we_b:1, webx:1, old:1 (DELETE_IN_PROGRESS),
     * older:1 (INACTIVE).
     */
    @BeforeEach
    void registerFamilies() {
        s = new Scenario(Accounts.fresh())
                .registerTaskDefinition("web")
                .registerTaskDefinition("web")
                .request(RegisterTaskDefinition.class, "{'family':'web','containerDefinitions':[{'name':'app',"
                        + "'image':'busybox','memory':64}],'tags':[{'key':'tier','value':'front'}]}")
                .deregisterTaskDefinition("web", 2)
                .registerTaskDefinition("webx")
                .registerTaskDefinition("we_b")
                .registerTaskDefinition("api")
                .registerTaskDefinition("old")
                .deregisterTaskDefinition("old", 1)
                .request(DeleteTaskDefinitions.class, "{'taskDefinitions':['old:1']}")
                .registerTaskDefinition("older")
                .deregisterTaskDefinition("older", 1);
        try (EventLog log = new EventLog(bootstrapServers)) {
            written = log.append(s.drain());
        }
        api = new EcsApi(s.account());
    }

    @Test
    void describesAFamilysLatestActiveRevisionARevisionOrAnArn() {
        api.call("DescribeTaskDefinition", "{'taskDefinition':'web'}", written)
                .statusCode(200)
                .body("taskDefinition.taskDefinitionArn", equalTo(s.taskDefinitionArn("web", 3)))
                .body("taskDefinition.status", equalTo("ACTIVE"))
                .body("taskDefinition.containerDefinitions[0].image", equalTo("busybox"))
                .body("$", not(hasKey("tags")));
        api.call("DescribeTaskDefinition", "{'taskDefinition':'web:2'}")
                .statusCode(200)
                .body("taskDefinition.revision", equalTo(2))
                .body("taskDefinition.status", equalTo("INACTIVE"));
        api.call("DescribeTaskDefinition", "{'taskDefinition':'" + s.taskDefinitionArn("web", 1) + "'}")
                .statusCode(200)
                .body("taskDefinition.revision", equalTo(1));
        api.call("DescribeTaskDefinition", "{'taskDefinition':'web','include':['TAGS']}")
                .statusCode(200)
                .body("tags", contains(Map.of("key", "tier", "value", "front")));
    }

    @Test
    void refusesUnknownTaskDefinitions() {
        for (String reference : List.of("nope", "web:9", "older")) {
            api.call("DescribeTaskDefinition", "{'taskDefinition':'" + reference + "'}", written)
                    .statusCode(400)
                    .body("__type", equalTo("ClientException"))
                    .body("message", equalTo("Unable to describe task definition."));
        }
        api.call("DescribeTaskDefinition", "{'taskDefinition':'web','include':['STATISTICS']}")
                .statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
    }

    @Test
    void listsRevisionsByFamilyThenRevisionInBothDirections() {
        List<String> ascending = List.of(s.taskDefinitionArn("api", 1), s.taskDefinitionArn("we_b", 1),
                s.taskDefinitionArn("web", 1), s.taskDefinitionArn("web", 3), s.taskDefinitionArn("webx", 1));
        assertThat(Pages.all(api, "ListTaskDefinitions", "{}", "taskDefinitionArns", 2, written))
                .containsExactlyElementsOf(ascending);
        assertThat(Pages.all(api, "ListTaskDefinitions", "{'sort':'DESC'}", "taskDefinitionArns", 2, written))
                .containsExactly(s.taskDefinitionArn("webx", 1), s.taskDefinitionArn("web", 3),
                        s.taskDefinitionArn("web", 1), s.taskDefinitionArn("we_b", 1), s.taskDefinitionArn("api", 1));
        assertThat(Pages.all(api, "ListTaskDefinitions", "{'familyPrefix':'web'}", "taskDefinitionArns", 1,
                written)).containsExactly(s.taskDefinitionArn("web", 1), s.taskDefinitionArn("web", 3));
        assertThat(Pages.all(api, "ListTaskDefinitions", "{'status':'INACTIVE'}", "taskDefinitionArns", 100,
                written)).containsExactly(s.taskDefinitionArn("older", 1), s.taskDefinitionArn("web", 2));
        assertThat(Pages.all(api, "ListTaskDefinitions", "{'status':'DELETE_IN_PROGRESS'}", "taskDefinitionArns",
                100, written)).containsExactly(s.taskDefinitionArn("old", 1));
    }

    @Test
    void refusesUnknownStatusSortAndPaging() {
        for (String body : List.of("{'status':'GONE'}", "{'sort':'UP'}", "{'maxResults':0}", "{'maxResults':101}",
                "{'nextToken':'%%%'}")) {
            api.call("ListTaskDefinitions", body, written)
                    .statusCode(400)
                    .body("__type", equalTo("InvalidParameterException"));
        }
        for (String body : List.of("{'status':'DELETE_IN_PROGRESS'}", "{'maxResults':101}", "{'nextToken':'x'}")) {
            api.call("ListTaskDefinitionFamilies", body, written)
                    .statusCode(400)
                    .body("__type", equalTo("InvalidParameterException"));
        }
    }

    @Test
    void listsFamiliesByStatusAndPrefix() {
        assertThat(Pages.all(api, "ListTaskDefinitionFamilies", "{}", "families", 1, written))
                .containsExactly("api", "we_b", "web", "webx");
        assertThat(Pages.all(api, "ListTaskDefinitionFamilies", "{'status':'INACTIVE'}", "families", 1, written))
                .containsExactly("old", "older");
        assertThat(Pages.all(api, "ListTaskDefinitionFamilies", "{'status':'ALL'}", "families", 2, written))
                .containsExactly("api", "old", "older", "we_b", "web", "webx");
        assertThat(Pages.all(api, "ListTaskDefinitionFamilies", "{'familyPrefix':'web'}", "families", 100,
                written)).containsExactly("web", "webx");
        assertThat(Pages.all(api, "ListTaskDefinitionFamilies", "{'familyPrefix':'we_'}", "families", 100,
                written)).as("_ is not a wildcard").containsExactly("we_b");
    }
}
