package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.e2e.support.BerthSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The AWS JSON 1.1 wire protocol as a client without an SDK sees it (ecs-semantics §1). */
@ExtendWith(BerthSystem.class)
class ProtocolE2ETest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> call(String target, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BerthSystem.stack().endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> ecs(String operation, String body) throws IOException, InterruptedException {
        return call("AmazonEC2ContainerServiceV20141113." + operation, body, null);
    }

    @Test
    void anUnknownOperationIsRefusedCleanly() throws Exception {
        HttpResponse<String> response = ecs("LaunchRockets", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(error.get("message").asText()).contains("LaunchRockets");
        assertThat(call(null, "{}", null).statusCode()).isEqualTo(400);
    }

    @Test
    void anOperationBerthDoesNotServeYetIsUnsupported() throws Exception {
        HttpResponse<String> response = ecs("ExecuteCommand", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("UnsupportedFeatureException");
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationError() throws Exception {
        HttpResponse<String> response = ecs("CreateCluster", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void successesUseTheProtocolsContentTypeAndEpochSecondTimestamps() throws Exception {
        String family = unique("wire");
        HttpResponse<String> response = ecs("RegisterTaskDefinition", "{\"family\":\"" + family + "\","
                + "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"busybox\",\"memory\":16}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-amz-json-1.1"));
        JsonNode registeredAt = JSON.readTree(response.body()).at("/taskDefinition/registeredAt");
        assertThat(registeredAt.isNumber()).as("registeredAt %s is a number", registeredAt).isTrue();
        assertThat(registeredAt.asDouble()).isGreaterThan(1.7e9);
        assertThat(response.body()).doesNotContain("null");
    }

    @Test
    void theRegionComesFromTheSigV4CredentialScope() throws Exception {
        String name = unique("mumbai");
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261126/ap-south-1/ecs/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef";

        HttpResponse<String> response = call("AmazonEC2ContainerServiceV20141113.CreateCluster",
                "{\"clusterName\":\"" + name + "\"}", authorization);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/cluster/clusterArn").asText())
                .isEqualTo("arn:aws:ecs:ap-south-1:000000000000:cluster/" + name);
    }

    @Test
    void aCredentialScopedToAnotherServiceIsRefused() throws Exception {
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261126/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=00";

        HttpResponse<String> response = call("AmazonEC2ContainerServiceV20141113.ListClusters", "{}", authorization);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("UnrecognizedClientException");
    }
}
