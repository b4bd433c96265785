package io.berth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The agent channel ({@code /agent/v1}) as the real agent calls it (its {@code GatewayClient}:
 * the same paths, bodies and SigV4-style credential scope), but asynchronous: one selector thread
 * and a small pool carry every simulated instance's long-poll, so a thousand instances waiting on
 * their assignments hold a thousand connections and no thread each.
 */
final class AgentChannel implements AutoCloseable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    /** The gateway answers a long-poll within 20 s; past this the connection is presumed lost. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    /** A call the gateway answered with an error status. */
    static final class RefusedException extends IOException {

        private final int status;

        RefusedException(int status, String body) {
            super("Berth answered " + status + ": " + body);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final String endpoint;
    private final String accessKey;
    private final String region;
    private final ExecutorService callbacks;
    private final HttpClient http;
    private final AsyncLimiter posts;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param maxPostsInFlight registrations and task reports under way at once; long-polls and heartbeats (one per
     *        instance at most) are not limited
     */
    AgentChannel(String endpoint, String accessKey, String region, int maxPostsInFlight) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.region = region;
        this.callbacks = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "simulated-fleet-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(callbacks).build();
        this.posts = new AsyncLimiter(maxPostsInFlight);
    }

    /** A call that waits its turn behind the other instances' reports. */
    CompletableFuture<JsonNode> post(String path, Object body) {
        return posts.submit(() -> postNow(path, body));
    }

    /**
     * A call sent at once. For heartbeats: a real host's heartbeat does not queue behind other hosts' reports, and
     * one held back past the scheduler's agent timeout would make the instance look lost.
     */
    CompletableFuture<JsonNode> postNow(String path, Object body) {
        return send(request(path, CALL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body))).build());
    }

    /** The instance's whole assignment once its generation moves past {@code after} (or within 20 s anyway). */
    CompletableFuture<JsonNode> assignment(String instanceArn, long after) {
        return send(request("/tasks?containerInstance=" + URLEncoder.encode(instanceArn, StandardCharsets.UTF_8)
                + "&after=" + after, POLL_TIMEOUT).GET().build());
    }

    private CompletableFuture<JsonNode> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() >= 300) {
                throw new CompletionException(new RefusedException(response.statusCode(),
                        new String(response.body(), StandardCharsets.UTF_8)));
            }
            return response.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.readTree(response.body());
        });
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        String scope = accessKey + "/" + DAY.format(clock.instant()) + "/" + region + "/ecs/aws4_request";
        return HttpRequest.newBuilder(URI.create(endpoint + "/agent/v1" + path)).timeout(timeout)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + scope + ", SignedHeaders=host, Signature=unsigned");
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
