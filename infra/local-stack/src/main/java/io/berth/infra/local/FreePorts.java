package io.berth.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback TCP ports, so that tests and local stacks never assume a fixed port is free. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * A port that was free a moment ago: the kernel picks it for a socket bound to port 0, which is
     * closed again at once. Another process could take it before the caller binds it, but the
     * kernel hands out ephemeral ports round-robin, so that race is rare.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }
}
