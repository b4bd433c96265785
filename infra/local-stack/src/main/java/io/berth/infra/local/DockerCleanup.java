package io.berth.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Removes the containers a stack's agents left behind: agents leave task containers running when
 * they stop (a restarted agent adopts them), so the stack that started the agents removes them
 * when it stops for good. Speaks the Docker Engine API over its unix socket.
 */
final class DockerCleanup {

    private DockerCleanup() {
    }

    static void removeContainersOf(Path socket, List<String> agentNames) {
        for (String agent : agentNames) {
            try {
                String filters = URLEncoder.encode(Json.toString(Map.of("label", List.of("io.berth.agent=" + agent))),
                        StandardCharsets.UTF_8);
                JsonNode containers = Json.readTree(request(socket, "GET", "/containers/json?all=1&filters=" + filters));
                for (JsonNode container : containers) {
                    request(socket, "DELETE", "/containers/" + container.path("Id").asText() + "?force=1&v=1");
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("could not remove the containers of " + agent + ": " + e.getMessage());
            }
        }
    }

    /** One HTTP/1.0 request; the response body. */
    private static String request(Path socket, String method, String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((method + " " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) > 0) {
                response.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            String text = response.toString(StandardCharsets.UTF_8);
            int body = text.indexOf("\r\n\r\n");
            return body < 0 ? "" : text.substring(body + 4);
        }
    }
}
