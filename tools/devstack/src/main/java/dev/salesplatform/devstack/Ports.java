package dev.salesplatform.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether TCP ports are free, and who holds them when they are not. */
public final class Ports {

    private static final Pattern SS_USER = Pattern.compile("\\(\"([^\"]*)\",pid=(\\d+)");

    private Ports() {
    }

    /**
     * A port is in use when something accepts connections on 127.0.0.1, or when it cannot be bound
     * on the wildcard address (which also catches listeners on 127.0.0.1 or any other local address).
     */
    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException notListening) {
            // go on: maybe bound but not accepting
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * One message per port of {@code wanted} (port -> who wants it) that is already in use, in the
     * order of the map.
     */
    public static List<String> conflicts(Map<Integer, String> wanted) {
        List<String> messages = new ArrayList<>();
        wanted.forEach((port, who) -> {
            if (inUse(port)) {
                messages.add("port " + port + " (wanted by " + who + ") is already in use"
                        + holder(port).map(h -> " by " + h).orElse(""));
            }
        });
        return messages;
    }

    /** Best effort: "pid 123 (python3)" from {@code ss -ltnpH}, when ss exists and may tell. */
    static Optional<String> holder(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port)
                    .redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ss.waitFor(3, TimeUnit.SECONDS)) {
                ss.destroyForcibly();
                return Optional.empty();
            }
            return parseSsHolder(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<String> parseSsHolder(String ssOutput) {
        Matcher m = SS_USER.matcher(ssOutput);
        if (!m.find()) {
            return Optional.empty();
        }
        String pid = m.group(2);
        String command = ProcessHandle.of(Long.parseLong(pid))
                .flatMap(p -> p.info().commandLine())
                .map(c -> c.length() > 80 ? c.substring(0, 80) + "..." : c)
                .orElse(m.group(1));
        return Optional.of("pid " + pid + " (" + command + ")");
    }
}
