package io.berth.projection.query;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.projection.support.Accounts;
import io.berth.projection.support.EcsApi;
import io.berth.projection.support.EventLog;
import io.berth.projection.support.LocalStackResource;
import io.berth.projection.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ClusterQueriesTest {

    @ConfigProperty(name = "berth.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void describesClustersWithCountsAndOnlyTheMembersAskedFor() {
        Scenario s = new Scenario(Accounts.fresh());
        s.request(io.berth.core.command.CreateCluster.class, "{'clusterName':'alpha','tags':[{'key':'team',"
                + "'value':'a'}],'settings':[{'name':'containerInsights','value':'enabled'}]}")
                .registerTaskDefinition("web")
                .createService("alpha", "kept", "web")
                .createService("alpha", "dropped", "web")
                .deleteService("alpha", "dropped")
                .createCluster("beta")
                .deleteCluster("beta");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        api.call("DescribeClusters", "{'clusters':['alpha','" + s.clusterArn("beta") + "','nowhere']}", written)
                .statusCode(200)
                .body("clusters.clusterName", contains("alpha", "beta"))
                .body("clusters.status", contains("ACTIVE", "INACTIVE"))
                .body("clusters[0].clusterArn", equalTo(s.clusterArn("alpha")))
                .body("clusters[0].activeServicesCount", equalTo(1))
                .body("clusters[0].registeredContainerInstancesCount", equalTo(0))
                .body("clusters[0].runningTasksCount", equalTo(0))
                .body("clusters[0].pendingTasksCount", equalTo(0))
                .body("clusters[0]", not(hasKey("settings")))
                .body("clusters[0]", not(hasKey("tags")))
                .body("clusters[0]", not(hasKey("statistics")))
                .body("failures.arn", contains(s.clusterArn("nowhere")))
                .body("failures.reason", contains("MISSING"));

        api.call("DescribeClusters", "{'clusters':['alpha'],'include':['SETTINGS','TAGS','STATISTICS']}")
                .statusCode(200)
                .body("clusters[0].settings", contains(java.util.Map.of("name", "containerInsights",
                        "value", "enabled")))
                .body("clusters[0].tags", contains(java.util.Map.of("key", "team", "value", "a")))
                .body("clusters[0].statistics", hasItem(java.util.Map.of("name", "activeEC2ServiceCount",
                        "value", "1")))
                .body("clusters[0].statistics", hasItem(java.util.Map.of("name", "drainingEC2ServiceCount",
                        "value", "1")))
                .body("failures", empty());
    }

    @Test
    void countsInstancesAndRunningAndPendingTasks() {
        Scenario s = new Scenario(Accounts.fresh())
                .createCluster("alpha")
                .createCluster("beta")
                .registerTaskDefinition("web")
                .registerInstance("alpha", 4096, 8192, "eu-west-1a", "")
                .registerInstance("alpha", 4096, 8192, "eu-west-1a", "")
                .registerInstance("alpha", 4096, 8192, "eu-west-1b", "")
                .registerInstance("alpha", 4096, 8192, "eu-west-1b", "")
                .registerInstance("beta", 1024, 1024, "eu-west-1a", "");
        List<String> instances = s.instanceArns("alpha");
        s.drain("alpha", instances.get(1)).deregisterInstance("alpha", instances.get(3));
        for (int i = 0; i < 6; i++) {
            s.startTask("alpha", "web", instances.get(0));
        }
        s.startTask("beta", "web", s.instanceArns("beta").get(0));
        List<String> tasks = s.taskArns("alpha");
        // two RUNNING, one PENDING and one PROVISIONING (both pending), one on its way down, one STOPPED
        s.report("alpha", tasks.get(0), "RUNNING")
                .report("alpha", tasks.get(1), "RUNNING")
                .report("alpha", tasks.get(2), "PENDING")
                .report("alpha", tasks.get(4), "DEACTIVATING")
                .stopTask("alpha", tasks.get(5))
                .report("alpha", tasks.get(5), "STOPPED");
        EventLog.Written written = append(s);

        new EcsApi(s.account()).call("DescribeClusters", "{'clusters':['alpha','beta'],'include':['STATISTICS']}",
                written)
                .statusCode(200)
                .body("clusters.registeredContainerInstancesCount", contains(3, 1))
                .body("clusters.runningTasksCount", contains(2, 0))
                .body("clusters.pendingTasksCount", contains(2, 1))
                .body("clusters[0].statistics", hasItem(java.util.Map.of("name", "runningEC2TasksCount",
                        "value", "2")))
                .body("clusters[0].statistics", hasItem(java.util.Map.of("name", "pendingEC2TasksCount",
                        "value", "2")))
                .body("clusters[0].statistics", hasItem(java.util.Map.of("name", "runningFargateTasksCount",
                        "value", "0")))
                .body("clusters[1].statistics", hasItem(java.util.Map.of("name", "pendingEC2TasksCount",
                        "value", "1")));
    }

    @Test
    void describesTheDefaultClusterWhenNoneIsNamed() {
        Scenario s = new Scenario(Accounts.fresh()).createCluster("default");
        EventLog.Written written = append(s);

        new EcsApi(s.account()).call("DescribeClusters", "{}", written)
                .statusCode(200)
                .body("clusters.clusterArn", contains(s.clusterArn("default")));
        new EcsApi(Accounts.fresh()).call("DescribeClusters", "{}")
                .statusCode(200)
                .body("clusters", empty())
                .body("failures[0].reason", equalTo("MISSING"));
    }

    @Test
    void refusesTooManyClustersAndUnknownIncludes() {
        EcsApi api = new EcsApi(Accounts.fresh());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            names.add("'c" + i + "'");
        }
        api.call("DescribeClusters", "{'clusters':[" + String.join(",", names) + "]}")
                .statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("DescribeClusters", "{'include':['EVERYTHING']}")
                .statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
    }

    @Test
    void listsActiveClustersPageByPage() {
        Scenario s = new Scenario(Accounts.fresh());
        for (String name : List.of("e", "a", "d", "b", "c")) {
            s.createCluster(name);
        }
        s.createCluster("gone").deleteCluster("gone");
        EventLog.Written written = append(s);
        EcsApi api = new EcsApi(s.account());

        List<String> arns = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            var page = api.call("ListClusters", "{'maxResults':2" + (token == null ? "" : ",'nextToken':'" + token
                    + "'") + "}", written).statusCode(200).extract().jsonPath();
            List<String> pageArns = page.getList("clusterArns");
            token = page.getString("nextToken");
            assertThat(pageArns).hasSize(token == null ? 1 : 2);
            arns.addAll(pageArns);
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(arns).containsExactly(s.clusterArn("a"), s.clusterArn("b"), s.clusterArn("c"),
                s.clusterArn("d"), s.clusterArn("e"));
        api.call("ListClusters", "{}")
                .statusCode(200)
                .body("clusterArns.size()", equalTo(5))
                .body("nextToken", nullValue());
    }

    @Test
    void refusesMaxResultsOutOfRangeAndGarbledTokens() {
        EcsApi api = new EcsApi(Accounts.fresh());
        api.call("ListClusters", "{'maxResults':0}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("ListClusters", "{'maxResults':101}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        api.call("ListClusters", "{'nextToken':'not a token'}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
        String serviceToken = PageToken.encode("ListServices", List.of("x"));
        api.call("ListClusters", "{'nextToken':'" + serviceToken + "'}").statusCode(400)
                .body("__type", equalTo("InvalidParameterException"));
    }

    private EventLog.Written append(Scenario scenario) {
        try (EventLog log = new EventLog(bootstrapServers)) {
            return log.append(scenario.drain());
        }
    }
}
