package io.berth.projection.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.CreateService;
import io.berth.core.command.UpdateService;
import io.berth.core.json.Json;
import io.berth.projection.support.Accounts;
import io.berth.projection.support.EcsApi;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LocalStackResource;
import io.berth.projection.support.Pages;
import io.berth.projection.support.Rollouts;
import io.berth.projection.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * ListServiceDeployments and DescribeServiceDeployments over a history decided by core and
 * written to Kafka: a service deployed four times — completed, completed, failed by its circuit
 * breaker and rolled back, and a fourth in progress.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ServiceDeploymentQueriesTest {

    private static final String ID_PREFIX = "ecs-svc/400000000000000000";

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    /** api in prod: deployments 1 and 2 SUCCESSFUL, 3 rolled back to 2, 4 in progress. */
    private static Scenario fourDeployments() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("prod")
                .registerInstance("prod", 4096, 8192, "eu-west-1a", "")
                .registerTaskDefinition("web").registerTaskDefinition("web").registerTaskDefinition("web")
                .request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web:1',"
                        + "'desiredCount':2,'deploymentConfiguration':{'deploymentCircuitBreaker':{'enable':true,"
                        + "'rollback':true,'thresholdConfiguration':{'type':'COUNT','value':2}}}}");
        Rollouts.complete(s, "prod", "api");
        Rollouts.complete(update(s, 2), "prod", "api");
        Rollouts.failToStart(update(s, 3), "prod", "api");
        Rollouts.complete(s, "prod", "api");
        return update(s, 1);
    }

    @Test
    void listsAServicesDeploymentsNewestFirstWithFiltersAndPages() {
        Scenario s = fourDeployments();
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());
        List<String> newestFirst = List.of(arn(s, 4), arn(s, 3), arn(s, 2), arn(s, 1));

        api.call("ListServiceDeployments", "{'cluster':'prod','service':'api'}", written)
                .statusCode(200)
                .body("serviceDeployments.serviceDeploymentArn", contains(newestFirst.toArray()))
                .body("serviceDeployments.status", contains("IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "SUCCESSFUL",
                        "SUCCESSFUL"))
                .body("serviceDeployments[1].targetServiceRevisionArn", equalTo(revision(s, 3)))
                .body("serviceDeployments[1].serviceArn", equalTo(s.serviceArn("prod", "api")))
                .body("serviceDeployments[1].clusterArn", equalTo(s.clusterArn("prod")))
                .body("serviceDeployments[1].finishedAt", notNullValue())
                .body("serviceDeployments[0]", not(hasKey("finishedAt")))
                .body("nextToken", nullValue());
        assertThat(Pages.all(api, "ListServiceDeployments", "{'service':'" + s.serviceArn("prod", "api") + "'}",
                "serviceDeployments.serviceDeploymentArn", 1, written))
                .as("a long service ARN names its cluster")
                .containsExactlyElementsOf(newestFirst);
        api.call("ListServiceDeployments", "{'cluster':'prod','service':'api','status':['SUCCESSFUL',"
                + "'ROLLBACK_SUCCESSFUL']}")
                .statusCode(200)
                .body("serviceDeployments.serviceDeploymentArn", contains(arn(s, 3), arn(s, 2), arn(s, 1)));

        JsonNode listed = Json.readTree(api.call("ListServiceDeployments", "{'cluster':'prod','service':'api'}")
                .extract().asString());
        String secondCreated = listed.at("/serviceDeployments/2/createdAt").asText();
        api.call("ListServiceDeployments", "{'cluster':'prod','service':'api','createdAt':{'after':"
                + secondCreated + "}}")
                .statusCode(200)
                .body("serviceDeployments.serviceDeploymentArn", contains(arn(s, 4), arn(s, 3)));
        api.call("ListServiceDeployments", "{'cluster':'prod','service':'api','createdAt':{'before':"
                + secondCreated + "}}")
                .statusCode(200)
                .body("serviceDeployments.serviceDeploymentArn", contains(arn(s, 1)));
    }

    @Test
    void describesDeploymentsWithRevisionsRollbackAndBreaker() {
        Scenario s = fourDeployments();
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());
        String otherAccount = arn(s, 3).replace(s.account(), "999999999999");

        api.call("DescribeServiceDeployments", "{'serviceDeploymentArns':['" + arn(s, 3) + "','" + arn(s, 4)
                + "','" + arn(s, 9) + "','" + otherAccount + "']}", written)
                .statusCode(200)
                .body("serviceDeployments.serviceDeploymentArn", contains(arn(s, 3), arn(s, 4)))
                .body("serviceDeployments[0].status", equalTo("ROLLBACK_SUCCESSFUL"))
                .body("serviceDeployments[0].statusReason",
                        equalTo("ECS deployment circuit breaker: tasks failed to start."))
                .body("serviceDeployments[0].rollback.serviceRevisionArn", equalTo(revision(s, 2)))
                .body("serviceDeployments[0].rollback.reason",
                        equalTo("ECS deployment circuit breaker: tasks failed to start."))
                .body("serviceDeployments[0].rollback.startedAt", notNullValue())
                .body("serviceDeployments[0].finishedAt", notNullValue())
                .body("serviceDeployments[0].deploymentCircuitBreaker.status", equalTo("TRIGGERED"))
                .body("serviceDeployments[0].deploymentCircuitBreaker.failureCount", equalTo(2))
                .body("serviceDeployments[0].deploymentCircuitBreaker.threshold", equalTo(2))
                .body("serviceDeployments[0].targetServiceRevision.arn", equalTo(revision(s, 3)))
                .body("serviceDeployments[0].targetServiceRevision.requestedTaskCount", equalTo(2))
                .body("serviceDeployments[0].targetServiceRevision.runningTaskCount", equalTo(0))
                .body("serviceDeployments[0].sourceServiceRevisions.arn", contains(revision(s, 2)))
                .body("serviceDeployments[0].deploymentConfiguration.deploymentCircuitBreaker.rollback",
                        equalTo(true))
                .body("serviceDeployments[1].status", equalTo("IN_PROGRESS"))
                .body("serviceDeployments[1]", not(hasKey("rollback")))
                .body("serviceDeployments[1].deploymentCircuitBreaker.status", equalTo("MONITORING"))
                .body("serviceDeployments[1].sourceServiceRevisions.arn", contains(revision(s, 2)))
                .body("serviceDeployments[1].sourceServiceRevisions[0].runningTaskCount", equalTo(2))
                .body("failures.arn", contains(arn(s, 9), otherAccount))
                .body("failures.reason", contains("MISSING", "MISSING"));

        api.call("DescribeServiceDeployments", "{'serviceDeploymentArns':['" + arn(s, 1) + "']}")
                .statusCode(200)
                .body("serviceDeployments[0].status", equalTo("SUCCESSFUL"))
                .body("serviceDeployments[0].sourceServiceRevisions", empty())
                .body("serviceDeployments[0].deploymentCircuitBreaker.status", equalTo("MONITORING_COMPLETE"))
                .body("failures", empty());
    }

    @Test
    void refusesWhatECSRefuses() {
        Scenario s = new Scenario(Accounts.fresh()).createCluster("prod").registerTaskDefinition("web")
                .createService("prod", "api", "web");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("ListServiceDeployments", "{'cluster':'nowhere','service':'api'}", written)
                .statusCode(400)
                .body("__type", equalTo("ClusterNotFoundException"));
        api.call("ListServiceDeployments", "{'cluster':'prod','service':'ghost'}")
                .statusCode(400)
                .body("__type", equalTo("ServiceNotFoundException"));
        for (String body : List.of("{'cluster':'prod'}", "{'cluster':'prod','service':'api','maxResults':0}",
                "{'cluster':'prod','service':'api','maxResults':101}",
                "{'cluster':'prod','service':'api','status':['DONE']}",
                "{'cluster':'prod','service':'api','nextToken':'garbled'}")) {
            api.call("ListServiceDeployments", body)
                    .statusCode(400)
                    .body("__type", equalTo("InvalidParameterException"));
        }
        List<String> twentyOne = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            twentyOne.add("'" + arn(s, i) + "'");
        }
        for (String arns : List.of("[]", "[" + String.join(",", twentyOne) + "]", "['" + s.serviceArn("prod", "api")
                + "']")) {
            api.call("DescribeServiceDeployments", "{'serviceDeploymentArns':" + arns + "}")
                    .statusCode(400)
                    .body("__type", equalTo("InvalidParameterException"));
        }
    }

    @Test
    void theHistoryOutlivesTheDeploymentsButNotAResetOfItsCluster() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("wiped")
                .registerTaskDefinition("web").registerTaskDefinition("web")
                .request(CreateService.class, "{'cluster':'wiped','serviceName':'api','taskDefinition':'web:1',"
                        + "'desiredCount':0}");
        Rollouts.complete(s, "wiped", "api");
        Rollouts.complete(update(s, "wiped", 2), "wiped", "api");
        String before = arn(s, "wiped", 1);
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());
        api.call("ListServiceDeployments", "{'cluster':'wiped','service':'api'}", written)
                .statusCode(200)
                .body("serviceDeployments.status", contains("SUCCESSFUL", "SUCCESSFUL"));

        s.reset("wiped").createCluster("wiped").request(CreateService.class, "{'cluster':'wiped',"
                + "'serviceName':'api','taskDefinition':'web:1','desiredCount':0}");
        written = append(s);
        api.call("ListServiceDeployments", "{'cluster':'wiped','service':'api'}", written)
                .statusCode(200)
                .body("serviceDeployments.serviceDeploymentArn", contains(arn(s, "wiped", 3)));
        api.call("DescribeServiceDeployments", "{'serviceDeploymentArns':['" + before + "']}")
                .statusCode(200)
                .body("failures.arn", contains(before));
    }

    @Test
    void aServiceCreatedAgainUnderItsOldNameStartsANewHistory() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("again")
                .registerTaskDefinition("web")
                .request(CreateService.class, "{'cluster':'again','serviceName':'api','taskDefinition':'web:1',"
                        + "'desiredCount':0}");
        Rollouts.complete(s, "again", "api");
        String firstLife = arn(s, "again", 1);
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());
        api.call("ListServiceDeployments", "{'cluster':'again','service':'api'}", written)
                .statusCode(200).body("serviceDeployments.serviceDeploymentArn", contains(firstLife));

        s.deleteService("again", "api");
        s.settle("again", "api");
        s.request(CreateService.class, "{'cluster':'again','serviceName':'api','taskDefinition':'web:1',"
                + "'desiredCount':0}");
        written = append(s);

        api.call("ListServiceDeployments", "{'cluster':'again','service':'api'}", written)
                .statusCode(200)
                .body("serviceDeployments.serviceDeploymentArn", contains(arn(s, "again", 2)));
        api.call("DescribeServiceDeployments", "{'serviceDeploymentArns':['" + firstLife + "']}")
                .statusCode(200)
                .body("failures.arn", contains(firstLife));
    }

    private static Scenario update(Scenario s, int revision) {
        return update(s, "prod", revision);
    }

    private static Scenario update(Scenario s, String cluster, int revision) {
        return s.request(UpdateService.class, "{'cluster':'" + cluster + "','service':'api','taskDefinition':'web:"
                + revision + "'}");
    }

    private static String arn(Scenario s, int deployment) {
        return arn(s, "prod", deployment);
    }

    /** The n-th deployment of the scenario (its ids count from 1). */
    private static String arn(Scenario s, String cluster, int deployment) {
        return s.serviceArn(cluster, "api").replace(":service/", ":service-deployment/") + "/"
                + (ID_PREFIX + deployment).substring("ecs-svc/".length());
    }

    private static String revision(Scenario s, int deployment) {
        return arn(s, deployment).replace(":service-deployment/", ":service-revision/");
    }

    private EventLog.Written append(Scenario scenario) {
        try (EventLog log = new EventLog(bootstrapServers)) {
            return log.append(scenario.drain());
        }
    }
}
