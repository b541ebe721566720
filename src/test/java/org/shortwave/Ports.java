package org.shortwave;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Questions about local ports, for tests that start servers of their own. */
public final class Ports {

    private Ports() {
    }

    /** Whether something holds the port now (it cannot be bound on every interface). */
    public static boolean inUse(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether a server accepts connections on the port of the loopback address. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
