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

/** The scheduler's internal API: the dry run of a service update, worked out on its replica of the log. */
@ApplicationScoped
public class SchedulerClient {

    /** The scheduler's answer, relayed as it is. */
    public record Answer(int status, byte[] body) {
    }

    private final WebClient client;
    private final URI base;

    public SchedulerClient(Vertx vertx, GatewayConfig config) {
        this.base = URI.create(config.gateway().schedulerUrl());
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setKeepAlive(true)
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort()));
    }

    /**
     * {@code POST /internal/dry-run} with a body of {@code {account, region, cluster, update}}, reflecting at
     * least the given positions of the caller's writes.
     */
    public Uni<Answer> dryRun(byte[] body, String minPosition) {
        HttpRequest<Buffer> request = client.request(HttpMethod.POST, base.getPort(), base.getHost(),
                        "/internal/dry-run")
                .putHeader("Content-Type", "application/json");
        if (minPosition != null) {
            request.putHeader("X-Berth-Min-Position", minPosition);
        }
        return request.sendBuffer(Buffer.buffer(body)).map(response -> new Answer(
                response.statusCode(), response.body() == null ? new byte[0] : response.body().getBytes()));
    }
}
