package dev.salesplatform.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.salesplatform.localinfra.KafkaBroker;
import dev.salesplatform.localinfra.Keycloak;
import dev.salesplatform.localinfra.PostgresServer;
import dev.salesplatform.localinfra.ProcessSupport;

/**
 * Starts the stack as children of this JVM and stops it again, in order, when this JVM is told to
 * end (Ctrl-C, SIGTERM from `down`) or when starting fails. Children run in sessions of their own,
 * so a Ctrl-C reaches only this JVM, which then stops services, Keycloak, Kafka and PostgreSQL in
 * that order.
 */
final class Supervisor {

    static final String SUPERVISOR_MARKER = DevStack.class.getName() + " up";

    /** One started process. */
    record Running(String name, ProcessHandle process, String signal, Duration grace) {
    }

    /** Starting failed; the message names the component and shows the end of its log. */
    static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }

    private static final class Aborted extends RuntimeException {
        Aborted() {
            super("stopping", null, false, false);
        }
    }

    private final Layout layout;
    private final Options options;
    private final Console console;
    private final boolean detached;
    private final Instant started = Instant.now();
    private final Instant deadline;

    private final Object lock = new Object();
    private boolean stopping;
    private final List<Running> running = new ArrayList<>();
    private final Object stopLock = new Object();
    private boolean stopped;
    private volatile CompletableFuture<Void> postgresStart = CompletableFuture.completedFuture(null);

    Supervisor(Layout layout, Options options, Console console, boolean detached) {
        this.layout = layout;
        this.options = options;
        this.console = console;
        this.detached = detached;
        this.deadline = started.plus(options.timeout());
    }

    /** Runs the stack until this JVM is told to end; returns only if starting failed. */
    int run() {
        PidFile.of(ProcessHandle.current(), SUPERVISOR_MARKER).write(layout.pidFile(StackSpec.SUPERVISOR));
        State.write(layout, State.STARTING, options.infraOnly());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "devstack-stop"));
        console.line("Starting the " + (options.infraOnly() ? "infrastructure (--infra-only)" : "stack")
                + " under " + layout.show(layout.platformDir()) + "/ (timeout " + options.timeout().toSeconds() + " s)");
        try {
            startInfrastructure();
            if (!options.infraOnly()) {
                startServices();
            }
        } catch (RuntimeException e) {
            if (isStopping()) {
                return 130;
            }
            console.line("");
            console.line("FAILED: " + (e instanceof StartFailure ? e.getMessage() : e.toString()));
            console.line("");
            stopAll();
            State.write(layout, State.FAILED, options.infraOnly());
            return 1;
        }
        console.line(String.format(Locale.ROOT, "Ready in %.1f s.", seconds(started)));
        console.line(Info.text(options.infraOnly()));
        console.line(detached
                ? "The stack keeps running in the background; `./platform down` stops it, `./platform status` shows it."
                : "Press Ctrl-C to stop everything (or run `./platform down` elsewhere).");
        State.write(layout, State.READY, options.infraOnly());
        watch();
        return 0;
    }

    private void startInfrastructure() {
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "devstack-start");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, CompletableFuture<Void>> starts = new LinkedHashMap<>();
            starts.put(StackSpec.KEYCLOAK, CompletableFuture.runAsync(this::startKeycloak, pool));
            postgresStart = CompletableFuture.runAsync(this::startPostgres, pool);
            starts.put(StackSpec.POSTGRES, postgresStart);
            starts.put(StackSpec.KAFKA, CompletableFuture.runAsync(this::startKafka, pool));
            awaitAll(starts);
        } finally {
            pool.shutdown();
        }
    }

    /** Waits for all, failing as soon as one fails or the deadline passes. */
    private void awaitAll(Map<String, CompletableFuture<Void>> starts) {
        while (true) {
            boolean allDone = true;
            for (Map.Entry<String, CompletableFuture<Void>> start : starts.entrySet()) {
                CompletableFuture<Void> future = start.getValue();
                if (future.isCompletedExceptionally()) {
                    Throwable cause = future.exceptionNow();
                    if (cause instanceof StartFailure || cause instanceof Aborted) {
                        throw (RuntimeException) cause;
                    }
                    throw new StartFailure(start.getKey() + " failed to start: " + cause + logTail(start.getKey()));
                }
                allDone &= future.isDone();
            }
            if (allDone) {
                return;
            }
            if (Instant.now().isAfter(deadline.plusSeconds(2))) {
                String late = starts.entrySet().stream().filter(e -> !e.getValue().isDone())
                        .map(Map.Entry::getKey).findFirst().orElse("?");
                throw new StartFailure(late + " did not come up within " + options.timeout().toSeconds() + " s"
                        + logTail(late));
            }
            sleep(200);
        }
    }

    private void startPostgres() {
        Instant t0 = Instant.now();
        rotate(StackSpec.POSTGRES);
        Path data = layout.postgresData();
        boolean first = !Files.exists(data.resolve("PG_VERSION"));
        PostgresServer server;
        try {
            server = PostgresServer.start(data, StackSpec.POSTGRES_PORT,
                    new PostgresServer.Options(false, layout.log(StackSpec.POSTGRES)));
        } catch (RuntimeException e) {
            throw new StartFailure("postgres failed to start: " + e.getMessage() + logTail(StackSpec.POSTGRES));
        }
        long pid = server.pid().orElseThrow(() -> new StartFailure("postgres started but wrote no postmaster.pid"));
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new StartFailure("postgres (pid " + pid + ") is gone" + logTail(StackSpec.POSTGRES)));
        register(StackSpec.POSTGRES, postmaster, data.toAbsolutePath().toString(), "INT", Duration.ofSeconds(30));
        server.createDatabases(StackSpec.DATABASES);
        console.step(StackSpec.POSTGRES, String.format(Locale.ROOT, "ready  %s:%d  databases %s%s (%.1f s)",
                StackSpec.HOST, StackSpec.POSTGRES_PORT, String.join(", ", StackSpec.DATABASES),
                first ? ", new data directory" : "", seconds(t0)));
    }

    private void startKafka() {
        Instant t0 = Instant.now();
        rotate(StackSpec.KAFKA);
        rotate("topics");
        Path dir = layout.kafkaDir().toAbsolutePath();
        String marker = dir.resolve("server.properties").toString();
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(layout.kafkaLibs(), dir, StackSpec.KAFKA_PORT, StackSpec.KAFKA_CONTROLLER_PORT,
                    remaining(), new KafkaBroker.LaunchOptions(layout.log(StackSpec.KAFKA), true,
                            handle -> register(StackSpec.KAFKA, handle, marker, "TERM", Duration.ofSeconds(60))));
        } catch (Aborted e) {
            throw e;
        } catch (RuntimeException e) {
            abortIfStopping();
            throw new StartFailure("kafka failed to start: " + firstLine(e.getMessage()) + logTail(StackSpec.KAFKA));
        }
        abortIfStopping();
        try {
            broker.createTopics(StackSpec.topics(), StackSpec.KAFKA_REPLICATION_FACTOR,
                    StackSpec.KAFKA_MIN_INSYNC_REPLICAS);
        } catch (RuntimeException e) {
            abortIfStopping();
            throw new StartFailure("creating the Kafka topics failed: " + e.getMessage());
        }
        console.step(StackSpec.KAFKA, String.format(Locale.ROOT, "ready  %s  %d topics as deploy/kafka/topics.conf"
                + " defines them (%.1f s)", broker.bootstrapServers(), StackSpec.topics().size(), seconds(t0)));
    }

    private void startKeycloak() {
        Instant t0 = Instant.now();
        Path home = layout.keycloakHome().toAbsolutePath();
        try {
            if (Keycloak.unpack(layout.keycloakDist(), home)) {
                console.step(StackSpec.KEYCLOAK, "unpacked " + layout.show(layout.keycloakDist()) + " into "
                        + layout.show(home));
            }
            if (Keycloak.prepareImport(layout.realmDir(), home)) {
                console.step(StackSpec.KEYCLOAK, "realm files changed since the last import: Keycloak's dev database "
                        + "was reset to import them again");
            }
        } catch (IOException e) {
            throw new StartFailure("keycloak: cannot prepare " + home + ": " + e);
        }
        rotate(StackSpec.KEYCLOAK);
        ProcessBuilder builder = new ProcessBuilder(Keycloak.command(home, StackSpec.HOST,
                StackSpec.KEYCLOAK_PORT, StackSpec.KEYCLOAK_MANAGEMENT_PORT))
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(StackSpec.KEYCLOAK).toFile()));
        Keycloak.environment(builder.environment());
        Process process = launch(StackSpec.KEYCLOAK, builder, Keycloak.commandMarker(home), Duration.ofSeconds(45));
        awaitHttp(StackSpec.KEYCLOAK, process, StackSpec.keycloakReadinessUrl());
        console.step(StackSpec.KEYCLOAK, String.format(Locale.ROOT, "ready  http://%s:%d  realm %s (%.1f s)",
                StackSpec.HOST, StackSpec.KEYCLOAK_PORT, StackSpec.REALM, seconds(t0)));
    }

    private void startServices() {
        Instant t0 = Instant.now();
        Map<StackSpec.Service, Process> processes = new LinkedHashMap<>();
        for (StackSpec.Service service : StackSpec.SERVICES) {
            rotate(service.name());
            Path jar = layout.serviceJar(service).toAbsolutePath();
            List<String> command = new ArrayList<>();
            ProcessSupport.setsid().ifPresent(command::add);
            command.addAll(List.of(ProcessSupport.javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(layout.serviceDir(service).toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(service.name()).toFile()));
            // The jars run in the prod profile, whose logs are JSON lines for collectors; here a person reads them.
            builder.environment().putIfAbsent("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            if (service.name().equals("api-gateway")) {
                // Local only: benchmarks and e2e tests send hundreds of requests a second on one token.
                builder.environment().putIfAbsent("GATEWAY_RATE_LIMITS_DEFAULT_CAPACITY", "5000");
                builder.environment().putIfAbsent("GATEWAY_RATE_LIMITS_DEFAULT_REFILL_PER_SECOND", "2500");
            }
            processes.put(service, launch(service.name(), builder, jar.toString(), Duration.ofSeconds(30)));
        }
        Set<StackSpec.Service> waiting = new HashSet<>(processes.keySet());
        while (!waiting.isEmpty()) {
            abortIfStopping();
            for (StackSpec.Service service : StackSpec.SERVICES) {
                if (!waiting.contains(service)) {
                    continue;
                }
                Process process = processes.get(service);
                if (!process.isAlive()) {
                    throw new StartFailure(service.name() + " exited with code " + process.exitValue()
                            + " while starting" + logTail(service.name()));
                }
                if (Http.ok(service.readinessUrl())) {
                    waiting.remove(service);
                    console.step(service.name(), String.format(Locale.ROOT, "ready  %s (%.1f s)", service.url(),
                            seconds(t0)));
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                StackSpec.Service late = StackSpec.SERVICES.stream().filter(waiting::contains).findFirst().orElseThrow();
                throw new StartFailure(String.join(", ", waiting.stream().map(StackSpec.Service::name).sorted().toList())
                        + " did not become ready (" + late.readinessUrl() + ") within " + options.timeout().toSeconds()
                        + " s" + logTail(late.name()));
            }
            sleep(500);
        }
    }

    private Process launch(String name, ProcessBuilder builder, String marker, Duration grace) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StartFailure(name + " could not be launched: " + e.getMessage());
        }
        register(name, process.toHandle(), marker, "TERM", grace);
        return process;
    }

    private void awaitHttp(String name, Process process, String url) {
        while (true) {
            abortIfStopping();
            if (!process.isAlive()) {
                throw new StartFailure(name + " exited with code " + process.exitValue() + " while starting" + logTail(name));
            }
            if (Http.ok(url)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartFailure(name + " did not become ready (" + url + ") within "
                        + options.timeout().toSeconds() + " s" + logTail(name));
            }
            sleep(500);
        }
    }

    /** Records a started process (pid file included); if the stack is stopping already, stops it at once. */
    private void register(String name, ProcessHandle process, String marker, String signal, Duration grace) {
        boolean abort;
        synchronized (lock) {
            abort = stopping;
            if (!abort) {
                running.add(new Running(name, process, signal, grace));
                PidFile.of(process, marker).write(layout.pidFile(name));
            }
        }
        if (abort) {
            Processes.stop(process, signal, grace);
            throw new Aborted();
        }
    }

    /** After start: report children that end on their own (no restart: `status` shows them down). */
    private void watch() {
        Set<String> reported = new HashSet<>();
        while (true) {
            sleep(2000);
            if (isStopping()) {
                continue;
            }
            List<Running> snapshot;
            synchronized (lock) {
                snapshot = List.copyOf(running);
            }
            for (Running r : snapshot) {
                if (!r.process().isAlive() && reported.add(r.name()) && !isStopping()) {
                    console.line("WARNING: " + r.name() + " (pid " + r.process().pid() + ") has exited; see "
                            + layout.show(layout.log(r.name())));
                }
            }
        }
    }

    /** Stops everything started, in order: services, Keycloak, Kafka, PostgreSQL. Idempotent. */
    void stopAll() {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            synchronized (lock) {
                stopping = true;
            }
            State.write(layout, State.STOPPING, options.infraOnly());
            console.line("Stopping the stack...");
            Instant t0 = Instant.now();
            List<String> serviceNames = StackSpec.SERVICES.stream().map(StackSpec.Service::name).toList();
            stopInParallel(snapshot(serviceNames));
            stopInParallel(snapshot(List.of(StackSpec.KEYCLOAK)));
            stopInParallel(snapshot(List.of(StackSpec.KAFKA)));
            try {
                postgresStart.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // started or not: whatever registered is stopped below
            }
            stopInParallel(snapshot(List.of(StackSpec.POSTGRES)));
            for (String name : StackSpec.LOG_NAMES) {
                deleteQuietly(layout.pidFile(name));
            }
            deleteQuietly(layout.pidFile(StackSpec.SUPERVISOR));
            deleteQuietly(layout.stateFile());
            console.line(String.format(Locale.ROOT, "Stopped (%.1f s). Data is kept in %s/.", seconds(t0),
                    layout.show(layout.platformDir())));
            stopped = true;
        }
    }

    private List<Running> snapshot(List<String> names) {
        synchronized (lock) {
            return running.stream().filter(r -> names.contains(r.name())).toList();
        }
    }

    private void stopInParallel(List<Running> group) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Running r : group) {
            stops.add(CompletableFuture.runAsync(() -> {
                if (!r.process().isAlive()) {
                    return;
                }
                Instant t0 = Instant.now();
                boolean graceful = Processes.stop(r.process(), r.signal(), r.grace());
                console.step(r.name(), String.format(Locale.ROOT, "stopped%s (%.1f s)",
                        graceful ? "" : " (killed after " + r.grace().toSeconds() + " s)", seconds(t0)));
            }));
        }
        stops.forEach(CompletableFuture::join);
    }

    private boolean isStopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    private void abortIfStopping() {
        if (isStopping()) {
            throw new Aborted();
        }
    }

    private Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ofSeconds(1) : left;
    }

    private void rotate(String name) {
        Path log = layout.log(name);
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail(String name) {
        Path log = layout.log(name);
        String tail = Logs.tail(log, 25);
        return tail.isEmpty() ? "" : "\n--- last lines of " + layout.show(log) + " ---\n" + tail + "\n---";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Aborted();
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to do
        }
    }
}
