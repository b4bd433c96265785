package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.e2e.support.BerthSystem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;

/** The native REST API next to the ECS endpoint: resources, history, the event stream, reset. */
@ExtendWith(BerthSystem.class)
class NativeApiE2ETest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The credential scope the SDK clients of these tests sign with: read-your-writes holds per
     * caller, so a raw request that follows SDK writes must come from the same access key.
     */
    private static final String SAME_CALLER = "AWS4-HMAC-SHA256 Credential=" + BerthSystem.E2E_ACCESS_KEY
            + "/20261126/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00";

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BerthSystem.stack().endpoint() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", SAME_CALLER)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void resourcesAreServedAsRestWithEcsShapesAndStatuses() throws Exception {
        String cluster = unique("rest");
        HttpResponse<String> created = send("POST", "/v1/clusters", "{\"clusterName\":\"" + cluster + "\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(created.body()).get("clusterName").asText()).isEqualTo(cluster);

        HttpResponse<String> fetched = send("GET", "/v1/clusters/" + cluster, null);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(fetched.body()).get("status").asText()).isEqualTo("ACTIVE");

        assertThat(send("GET", "/v1/clusters/no-such-cluster", null).statusCode()).isEqualTo(404);
        HttpResponse<String> missingService = send("GET", "/v1/clusters/" + cluster + "/services/ghost", null);
        assertThat(missingService.statusCode()).isEqualTo(404);

        String family = unique("rest-td");
        HttpResponse<String> registered = send("POST", "/v1/task-definitions", "{\"family\":\"" + family
                + "\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"busybox\",\"memory\":16}]}");
        assertThat(registered.statusCode()).isEqualTo(200);
        HttpResponse<String> service = send("POST", "/v1/clusters/" + cluster + "/services",
                "{\"serviceName\":\"api\",\"taskDefinition\":\"" + family + "\",\"desiredCount\":0}");
        assertThat(service.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(service.body()).get("serviceArn").asText()).endsWith(cluster + "/api");

        HttpResponse<String> invalid = send("POST", "/v1/clusters/" + cluster + "/services",
                "{\"serviceName\":\"api\",\"taskDefinition\":\"" + family + "\",\"desiredCount\":0}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).get("__type").asText()).isEqualTo("InvalidParameterException");
    }

    @Test
    void theHistoryOfAResourceSaysWhoDidWhatWhen() throws Exception {
        String cluster = unique("audit");
        String arn = "arn:aws:ecs:us-east-1:000000000000:cluster/" + cluster;
        EcsClient ecs = BerthSystem.ecs();
        ecs.createCluster(b -> b.clusterName(cluster));
        ecs.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("k").value("v")));
        ecs.deleteCluster(b -> b.cluster(cluster));

        HttpResponse<String> history = send("GET", "/v1/history?resourceArn=" + encode(arn), null);

        assertThat(history.statusCode()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(history.body()).get("entries")) {
            types.add(entry.get("eventType").asText());
            assertThat(entry.get("actor").asText()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(entry.get("eventId").asText()).isNotBlank();
            assertThat(entry.get("time").isNumber()).isTrue();
        }
        assertThat(types).containsExactly("ClusterCreated", "ResourceTagged", "ClusterDeleted");
    }

    @Test
    void theEventStreamResumesRightAfterTheLastEventSeen() throws Exception {
        String cluster = unique("stream");
        String arn = "arn:aws:ecs:us-east-1:000000000000:cluster/" + cluster;
        EcsClient ecs = BerthSystem.ecs();
        ecs.createCluster(b -> b.clusterName(cluster));
        ecs.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("a").value("1")));
        ecs.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("b").value("2")));

        List<String[]> firstTwo = events("/v1/events?from=earliest&resourceArn=" + encode(arn), null, 2);
        assertThat(firstTwo).extracting(e -> e[1]).containsExactly("ClusterCreated", "ResourceTagged");

        List<String[]> rest = events("/v1/events?resourceArn=" + encode(arn), firstTwo.get(1)[0], 1);
        assertThat(rest).extracting(e -> e[1]).containsExactly("ResourceTagged");
        assertThat(JSON.readTree(rest.get(0)[2]).at("/payload/added/0/key").asText()).isEqualTo("b");
    }

    /** Reads {@code count} server-sent events: each as {id, event, data}. */
    private static List<String[]> events(String path, String lastEventId, int count) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BerthSystem.stack().endpoint() + path))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String[]> events = new ArrayList<>();
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (events.size() < count && it.hasNext()) {
                String line = it.next();
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && id != null) {
                    events.add(new String[] {id, name, data.toString()});
                    id = null;
                    name = null;
                    data.setLength(0);
                }
            }
        }
        return events;
    }

    @Test
    void theLocalResetForgetsAnAccountRegionIncludingRevisionCounters() throws IOException, InterruptedException {
        EcsClient ohio = BerthSystem.ecs(BerthSystem.E2E_ACCESS_KEY, Region.US_EAST_2);
        String cluster = unique("reset");
        ohio.createCluster(b -> b.clusterName(cluster));
        ohio.registerTaskDefinition(b -> b.family("reset-family").containerDefinitions(c -> c.name("app")
                .image("busybox").memory(16)));
        ohio.registerTaskDefinition(b -> b.family("reset-family").containerDefinitions(c -> c.name("app")
                .image("busybox").memory(16)));

        HttpRequest reset = HttpRequest.newBuilder(URI.create(BerthSystem.stack().endpoint() + "/v1/reset"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + BerthSystem.E2E_ACCESS_KEY
                        + "/20261126/us-east-2/ecs/aws4_request, SignedHeaders=host, Signature=00")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> answer = HTTP.send(reset, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(ohio.listClusters().clusterArns()).isEmpty();
        assertThatThrownBy(() -> ohio.describeTaskDefinition(
                b -> b.taskDefinition("reset-family"))).isInstanceOf(ClientException.class);
        assertThat(ohio.registerTaskDefinition(b -> b.family("reset-family").containerDefinitions(c -> c.name("app")
                .image("busybox").memory(16))).taskDefinition().revision()).isEqualTo(1);
    }
}
