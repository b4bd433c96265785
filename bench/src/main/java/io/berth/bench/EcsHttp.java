package io.berth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The ECS JSON protocol spoken without the SDK, for the load scenarios: the request is the JSON
 * body and the {@code X-Amz-Target} header, unsigned (Berth's local mode acts for the default
 * account). The SDK marshals, signs and parses on the same two cores the server runs on, so a
 * load generator built on it would measure mostly itself. One {@link HttpClient} keeps its
 * HTTP/1.1 connections alive and reuses them, one per concurrent caller.
 */
final class EcsHttp {

    private static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    EcsHttp(String endpoint) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
    }

    /** The response body of {@code operation}; an answer other than 200 is an {@link EcsCallFailed}. */
    String call(String operation, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", TARGET_PREFIX + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new EcsCallFailed(operation, response.statusCode(), response.body());
        }
        return response.body();
    }

    /** Calls {@code operation} for its effect; answers the operation's name, the kind of call. */
    String kind(String operation, String body) throws IOException, InterruptedException {
        call(operation, body);
        return operation;
    }

    /** An ECS error answer. */
    static final class EcsCallFailed extends IOException {

        EcsCallFailed(String operation, int status, String body) {
            super(operation + " answered " + status + ": " + body);
        }
    }
}
