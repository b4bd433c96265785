package io.berth.agent.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.agent.config.AgentConfig;
import io.berth.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The agent's only connection: outbound HTTP to the Berth endpoint's agent channel
 * ({@code /agent/v1}). Requests carry a SigV4-style credential scope naming the agent's access
 * key and region, which is how the control plane knows the account and region.
 */
@ApplicationScoped
public class GatewayClient {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final AgentConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock = Clock.systemUTC();

    public GatewayClient(AgentConfig config) {
        this.config = config;
    }

    /** A failed call: the endpoint's status and body. */
    public static final class GatewayException extends IOException {

        private final int status;

        GatewayException(int status, String body) {
            super("Berth answered " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = request(path, Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)))
                .build();
        return send(request);
    }

    /** An ECS API call on the public endpoint ({@code POST /}, JSON 1.1). */
    public JsonNode ecs(String operation, Object body) throws IOException, InterruptedException {
        HttpRequest request = request("", Duration.ofSeconds(30))
                .uri(URI.create(config.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)))
                .build();
        return send(request);
    }

    /** A long-poll: waits up to the endpoint's bound (20 s) plus a margin. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path, Duration.ofSeconds(45)).GET().build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new GatewayException(response.statusCode(), new String(response.body()));
        }
        return response.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        String scope = config.accessKey() + "/" + DAY.format(clock.instant()) + "/" + config.region()
                + "/ecs/aws4_request";
        return HttpRequest.newBuilder(URI.create(config.endpoint() + "/agent/v1" + path))
                .timeout(timeout)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + scope
                        + ", SignedHeaders=host, Signature=unsigned");
    }
}
