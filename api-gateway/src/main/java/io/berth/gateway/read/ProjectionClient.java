package io.berth.gateway.read;

import io.berth.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;

/**
 * The projection-service's internal query API over keep-alive HTTP connections: ECS reads as
 * {@code POST /internal/ecs/<Operation>}, and the audit trail.
 */
@ApplicationScoped
public class ProjectionClient {

    /** A raw answer of the projection-service, relayed as it is. */
    public record Answer(int status, byte[] body) {
    }

    private final WebClient client;
    private final URI base;

    public ProjectionClient(Vertx vertx, GatewayConfig config) {
        this.base = URI.create(config.gateway().projectionUrl());
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort()));
    }

    public Uni<Answer> ecs(String operation, String account, String region, String minPosition, byte[] body) {
        return post("/internal/ecs/" + operation, account, region, minPosition, body);
    }

    /** A query of the internal API for an account and region, reflecting at least the given positions. */
    public Uni<Answer> post(String path, String account, String region, String minPosition, byte[] body) {
        HttpRequest<Buffer> request = client.request(HttpMethod.POST, base.getPort(), base.getHost(), path)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Berth-Account", account)
                .putHeader("X-Berth-Region", region);
        if (minPosition != null) {
            request.putHeader("X-Berth-Min-Position", minPosition);
        }
        return request.sendBuffer(Buffer.buffer(body))
                .map(response -> new Answer(response.statusCode(), bytes(response.body())));
    }

    public Uni<Answer> get(String path, Map<String, String> query) {
        return get(path, query, null);
    }

    /** A GET that must reflect at least the given log positions ({@code X-Berth-Min-Position}). */
    public Uni<Answer> get(String path, Map<String, String> query, String minPosition) {
        HttpRequest<Buffer> request = client.request(HttpMethod.GET, base.getPort(), base.getHost(), path);
        if (minPosition != null) {
            request.putHeader("X-Berth-Min-Position", minPosition);
        }
        query.forEach((name, value) -> {
            if (value != null) {
                request.addQueryParam(name, value);
            }
        });
        return request.send().map(response -> new Answer(response.statusCode(), bytes(response.body())));
    }

    private static byte[] bytes(Buffer buffer) {
        return buffer == null ? new byte[0] : buffer.getBytes();
    }
}
