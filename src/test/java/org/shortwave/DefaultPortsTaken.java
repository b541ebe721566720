package org.shortwave;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that start nodes or commands of their own: holds Shortwave's default ports (8080 for the site, 8081 for
 * management) for the test class's whole run, as a Shortwave started on the machine by {@code ./mvnw spring-boot:run}
 * would. A node or command that takes a fixed port then fails the test instead of passing by luck. A port some
 * other process already holds is left to it: it is taken all the same.
 */
public final class DefaultPortsTaken implements BeforeAllCallback, AfterAllCallback {

    public static final List<Integer> PORTS = List.of(8080, 8081);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DefaultPortsTaken.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        List<ServerSocket> held = new ArrayList<>();
        for (int port : PORTS) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(port)); // every interface, as Tomcat binds by default
                held.add(socket);
            } catch (IOException taken) {
                // Already in use (another Shortwave is running): that is the situation this stands in for.
            }
        }
        context.getStore(NAMESPACE).put("held", held);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        @SuppressWarnings("unchecked")
        List<ServerSocket> held = context.getStore(NAMESPACE).remove("held", List.class);
        if (held != null) {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
