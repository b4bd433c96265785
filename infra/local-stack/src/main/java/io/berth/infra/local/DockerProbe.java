package io.berth.infra.local;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a Docker engine answers on its unix socket ({@code GET /_ping}). */
public final class DockerProbe {

    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    private DockerProbe() {
    }

    public static boolean reachable(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(256);
            channel.read(answer);
            String head = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.0 200") || head.startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }
}
