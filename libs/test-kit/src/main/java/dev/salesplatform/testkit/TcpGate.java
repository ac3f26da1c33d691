package dev.salesplatform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A port in front of a real server that can be shut, as a network or a server away would be: while
 * shut, every connection is closed on arrival and open ones are cut; once open, connections are piped
 * to the server. Lets a test start an application before the server it needs "exists".
 */
public final class TcpGate implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean open;

    private TcpGate(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread.ofPlatform().name("tcp-gate-" + server.getLocalPort()).daemon().start(this::accept);
    }

    /** A gate, shut, in front of {@code host:port}. */
    public static TcpGate shutInFrontOf(String host, int port) {
        try {
            return new TcpGate(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public void open() {
        open = true;
    }

    /** Shuts the gate: new connections are closed on arrival and the open ones are cut. */
    public void shut() {
        open = false;
        connections.forEach(TcpGate::closeQuietly);
        connections.clear();
    }

    @Override
    public void close() {
        shut();
        closeQuietly(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (!open) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                connections.add(client);
                connections.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException refused) {
                closeQuietly(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException cut) {
                // One side went away; the other is closed below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                connections.remove(from);
                connections.remove(to);
            }
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
