package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.e2e.support.BerthSystem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The dry run of a service update through the gateway's native API, worked out by the scheduler on
 * its replica of the log: right after the caller's own writes (read-your-writes), on a cluster
 * without container instances, so without Docker.
 */
@ExtendWith(BerthSystem.class)
class DeploymentDryRunE2ETest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Signed like the SDK client's requests: the same caller, whose writes the dry run must see. */
    private static final String SAME_CALLER = "AWS4-HMAC-SHA256 Credential=" + BerthSystem.E2E_ACCESS_KEY
            + "/20261126/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00";

    private final EcsClient ecs = BerthSystem.ecs();
    private String cluster;
    private String family;

    @BeforeEach
    void serviceAtZeroInAClusterWithoutInstances() {
        cluster = unique("dry-run");
        family = unique("dry-run-td");
        ecs.createCluster(b -> b.clusterName(cluster));
        for (int i = 0; i < 2; i++) {
            ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(c -> c.name("app")
                    .image("busybox").memory(32)));
        }
        ecs.createService(b -> b.cluster(cluster).serviceName("api").taskDefinition(family + ":1").desiredCount(0));
    }

    private HttpResponse<String> dryRun(String service, String update) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BerthSystem.stack().endpoint() + "/v1/clusters/"
                        + cluster + "/services/" + service + "/dry-run"))
                .header("Content-Type", "application/json")
                .header("Authorization", SAME_CALLER)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(update))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scalingUpWithoutContainerInstancesIsBlockedBecauseNothingCanBePlaced() throws Exception {
        HttpResponse<String> answer = dryRun("api", "{\"desiredCount\":2}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("outcome").asText()).isEqualTo("BLOCKED");
        assertThat(result.get("message").asText()).isEqualTo("(service api) was unable to place a task because no "
                + "container instance met all of its requirements. Reason: No Container Instances were found in "
                + "your cluster.");
        assertThat(result.get("steps")).isEmpty();
        assertThat(result.at("/service/desiredCount").asInt()).isEqualTo(2);
        assertThat(ecs.describeServices(b -> b.cluster(cluster).services("api")).services().get(0).desiredCount())
                .as("a dry run changes nothing").isZero();
    }

    @Test
    void aNewRevisionOfAServiceAtZeroCompletesWithoutAStep() throws Exception {
        HttpResponse<String> answer = dryRun("api", "{\"taskDefinition\":\"" + family + ":2\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("outcome").asText()).isEqualTo("COMPLETES");
        assertThat(result.get("steps")).isEmpty();
        assertThat(result.at("/service/taskDefinition").asText()).endsWith("task-definition/" + family + ":2");
        assertThat(result.at("/service/deployments/0/status").asText()).isEqualTo("PRIMARY");
        assertThat(ecs.describeServices(b -> b.cluster(cluster).services("api")).services().get(0).taskDefinition())
                .endsWith(family + ":1");
    }

    @Test
    void aRejectedUpdateAnswersTheErrorUpdateServiceWouldGive() throws Exception {
        HttpResponse<String> unknownRevision = dryRun("api", "{\"taskDefinition\":\"" + family + ":9\"}");
        assertThat(unknownRevision.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownRevision.body()).get("__type").asText()).isEqualTo("ClientException");
        assertThat(JSON.readTree(unknownRevision.body()).get("message").asText()).isEqualTo("TaskDefinition not found.");

        HttpResponse<String> unknownService = dryRun("ghost", "{\"desiredCount\":1}");
        assertThat(unknownService.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownService.body()).get("__type").asText())
                .isEqualTo("ServiceNotFoundException");
    }
}
