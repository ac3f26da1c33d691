package dev.salesplatform.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * An extra instance of a service of the stack, run from its built fast-jar as a child process of the
 * test, on free API and management ports, with the addresses of its dependencies given by environment
 * variables as a deployment would give them. N instances of a service share its database by design,
 * so an extra lead-service works on the stack's {@code lead} database beside the stack's own.
 */
final class ServiceInstance implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("e2e.root", ".."));
    static final String HOST = "127.0.0.1";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Where the instance finds PostgreSQL ({@code host:port}), Kafka ({@code host:port}) and Keycloak (base URL). */
    record Dependencies(String postgres, String kafka, String keycloak) {

        /** The stack's own, as ./platform up runs them. */
        static Dependencies ofTheStack() {
            return new Dependencies(HOST + ":15432", Stack.KAFKA, "http://" + HOST + ":8180");
        }
    }

    private final String service;
    private final Map<String, String> environment;
    private final int apiPort;
    private final int managementPort;
    private final Path log;
    private final Process process;

    private ServiceInstance(String service, Map<String, String> environment, int apiPort, int managementPort, Path log) {
        this.service = service;
        this.environment = environment;
        this.apiPort = apiPort;
        this.managementPort = managementPort;
        this.log = log;
        Path jar = ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
        assertTrue(Files.exists(jar), jar + " is missing: build the stack first (./platform up builds it)");
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                        // C1 only: a short-lived instance on a shared machine starts and warms up sooner.
                        "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(apiPort));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An extra lead-service, started now (not ready yet); its log is target/{@code label}.log. */
    static ServiceInstance leadService(String label, Dependencies dependencies) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + dependencies.postgres() + "/lead");
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + dependencies.postgres() + "/lead");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", dependencies.kafka());
        // Its topic check expects the topics as the stack's cluster has them (one broker, or three).
        LocalStack.Replication replication = LocalStack.replicationOf("sales.lead.events");
        environment.put("KAFKA_TOPIC_REPLICATION_FACTOR", Integer.toString(replication.factor()));
        environment.put("KAFKA_TOPIC_MIN_INSYNC_REPLICAS", Integer.toString(replication.minInsync()));
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", dependencies.keycloak() + "/realms/sales");
        // Text logs, for a person reading target/<label>.log after a failure.
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return new ServiceInstance("lead-service", Map.copyOf(environment), freePort(), freePort(), logFile(label));
    }

    /** A new process of the same service, ports and environment, once this one has ended; its log is {@code label}.log. */
    ServiceInstance restart(String label) {
        assertTrue(!process.isAlive(), "stop the instance before restarting it");
        return new ServiceInstance(service, environment, apiPort, managementPort, logFile(label));
    }

    String api() {
        return "http://" + HOST + ":" + apiPort;
    }

    String management() {
        return "http://" + HOST + ":" + managementPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until readiness answers UP; fails with the log's end if the process ends or the deadline passes. */
    void awaitReady(Duration deadline) {
        try {
            await().atMost(deadline).pollInterval(Duration.ofMillis(250))
                    .failFast(service + " ended before it was ready", () -> !process.isAlive())
                    .until(() -> status(management() + "/q/health/ready") == 200);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            fail(e.getMessage() + logTail());
        }
    }

    /**
     * Sends SIGTERM and waits for the process to end; answers its exit code. Fails (after killing it)
     * if it has not ended by the deadline.
     */
    int stop(Duration deadline) {
        process.destroy();
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(service + " still running " + deadline.toSeconds() + " s after SIGTERM" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** The last lines of the instance's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n--- " + log + " (last lines)\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                    lines.size()));
        } catch (IOException e) {
            return " (no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The status of a GET, or -1 when nothing answers. */
    static int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path logFile(String label) {
        Path directory = Path.of("target", "service-instances");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory.resolve(label + ".log").toAbsolutePath();
    }
}
