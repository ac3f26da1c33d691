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
import java.util.Optional;
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
        State.write(layout, State.STARTING, options.infraOnly(), options.shape());
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
            State.write(layout, State.FAILED, options.infraOnly(), options.shape());
            return 1;
        }
        console.line(String.format(Locale.ROOT, "Ready in %.1f s.", seconds(started)));
        console.line(Info.text(options.infraOnly(), options.shape()));
        console.line(detached
                ? "The stack keeps running in the background; `./platform down` stops it, `./platform status` shows it."
                : "Press Ctrl-C to stop everything (or run `./platform down` elsewhere).");
        State.write(layout, State.READY, options.infraOnly(), options.shape());
        watch();
        return 0;
    }

    /** Threads of their own: the common pool has one thread on two cores, which would start or stop one at a time. */
    private static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private void startInfrastructure() {
        ExecutorService pool = pool(3, "devstack-start");
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
        StackSpec.Shape shape = options.shape();
        rotate("topics");
        warnOfOtherKafkaLogs(shape);
        List<KafkaBroker.Node> nodes = shape.kafkaNodes();
        String clusterId = nodes.size() == 1 ? null : KafkaBroker.clusterId(layout.kafkaClusterDir(nodes.size()));
        List<KafkaBroker> brokers = new ArrayList<>();
        // A node of a cluster counts as started once a majority of the quorum runs: all start at once.
        ExecutorService pool = pool(nodes.size(), "devstack-kafka");
        try {
            List<CompletableFuture<KafkaBroker>> starts = nodes.stream().map(node -> CompletableFuture.supplyAsync(
                    () -> startKafkaNode(node, clusterId, remaining()), pool)).toList();
            for (CompletableFuture<KafkaBroker> start : starts) {
                try {
                    brokers.add(start.join());
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        } finally {
            pool.shutdown();
        }
        abortIfStopping();
        try {
            brokers.getFirst().createTopics(StackSpec.topics(), shape.replicationFactor(), shape.minInsyncReplicas());
        } catch (RuntimeException e) {
            abortIfStopping();
            throw new StartFailure("creating the Kafka topics failed: " + e.getMessage());
        }
        console.step(StackSpec.KAFKA, String.format(Locale.ROOT, "ready  %s  %d topics as deploy/kafka/topics.conf"
                + " defines them, replication factor %d, min.insync.replicas %d (%.1f s)",
                shape.kafkaBootstrapServers(), StackSpec.topics().size(), shape.replicationFactor(),
                shape.minInsyncReplicas(), seconds(t0)));
    }

    /** One broker; {@code clusterId} null: a broker alone. */
    private KafkaBroker startKafkaNode(KafkaBroker.Node node, String clusterId, Duration timeout) {
        StackSpec.Shape shape = options.shape();
        String name = shape.kafkaName(node);
        rotate(name);
        Path dir = layout.kafkaDir(shape, node).toAbsolutePath();
        String marker = dir.resolve("server.properties").toString();
        KafkaBroker.LaunchOptions launch = new KafkaBroker.LaunchOptions(layout.log(name), true,
                handle -> register(name, handle, marker, "TERM", Duration.ofSeconds(60)));
        try {
            return clusterId == null
                    ? KafkaBroker.start(layout.kafkaLibs(), dir, node.port(), node.controllerPort(), timeout, launch)
                    : KafkaBroker.startMember(layout.kafkaLibs(), dir, node, shape.kafkaNodes(), clusterId, timeout, launch);
        } catch (Aborted e) {
            throw e;
        } catch (RuntimeException e) {
            abortIfStopping();
            throw new StartFailure(name + " failed to start: " + firstLine(e.getMessage()) + logTail(name));
        }
    }

    /** The log of one Kafka shape is not the log of another: say so when events may seem lost. */
    private void warnOfOtherKafkaLogs(StackSpec.Shape shape) {
        Path own = shape.kafkaBrokers() == 1 ? layout.kafkaDir() : layout.kafkaClusterDir(shape.kafkaBrokers());
        if (Files.exists(own)) {
            return;
        }
        List<Path> others = new ArrayList<>(List.of(layout.kafkaDir()));
        for (int brokers = 2; brokers <= StackSpec.MAX_KAFKA_BROKERS; brokers++) {
            others.add(layout.kafkaClusterDir(brokers));
        }
        others.stream().filter(Files::exists).forEach(other -> console.step(StackSpec.KAFKA, "a new log in "
                + layout.show(own) + "; the events in " + layout.show(other) + " (another number of brokers) are"
                + " not in it, while the databases keep what they made of them (--fresh starts both anew)"));
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
        StackSpec.Shape shape = options.shape();
        Map<StackSpec.Instance, Process> processes = new LinkedHashMap<>();
        for (StackSpec.Instance instance : shape.instances()) {
            rotate(instance.name());
            Path jar = layout.serviceJar(instance.service()).toAbsolutePath();
            List<String> command = new ArrayList<>();
            ProcessSupport.setsid().ifPresent(command::add);
            // The instance's name on its command line tells its pid file from its twin's, which runs the same jar.
            String marker = "-Dsalesplatform.devstack.instance=" + instance.name();
            command.addAll(List.of(ProcessSupport.javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC", marker));
            command.addAll(serviceJvmOptions());
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(layout.serviceDir(instance.service()).toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(instance.name()).toFile()));
            environment(instance, shape).forEach(builder.environment()::putIfAbsent);
            processes.put(instance, launch(instance.name(), builder, marker + " ", Duration.ofSeconds(30)));
        }
        Set<StackSpec.Instance> waiting = new HashSet<>(processes.keySet());
        while (!waiting.isEmpty()) {
            abortIfStopping();
            for (StackSpec.Instance instance : shape.instances()) {
                if (!waiting.contains(instance)) {
                    continue;
                }
                Process process = processes.get(instance);
                if (!process.isAlive()) {
                    throw new StartFailure(instance.name() + " exited with code " + process.exitValue()
                            + " while starting" + logTail(instance.name()));
                }
                if (Http.ok(instance.readinessUrl())) {
                    waiting.remove(instance);
                    console.step(instance.name(), String.format(Locale.ROOT, "ready  %s (%.1f s)", instance.url(),
                            seconds(t0)));
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                StackSpec.Instance late = shape.instances().stream().filter(waiting::contains).findFirst().orElseThrow();
                throw new StartFailure(String.join(", ", waiting.stream().map(StackSpec.Instance::name).sorted().toList())
                        + " did not become ready (" + late.readinessUrl() + ") within " + options.timeout().toSeconds()
                        + " s" + logTail(late.name()));
            }
            sleep(500);
        }
    }

    /**
     * Extra JVM options for every service, from {@code PLATFORM_SERVICE_JAVA_OPTIONS}: `./platform test`
     * starts its stack with C1 only, which makes ten JVMs on two cores start sooner; `./platform up` and
     * the benchmarks run them as deployed.
     */
    static List<String> serviceJvmOptions() {
        String options = System.getenv("PLATFORM_SERVICE_JAVA_OPTIONS");
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    /**
     * What an instance is told by environment, as compose and Kubernetes tell it: its ports, the
     * brokers and what its topics must look like on them, and for the gateway every instance of each
     * upstream. Whatever the caller's environment sets itself wins.
     */
    static Map<String, String> environment(StackSpec.Instance instance, StackSpec.Shape shape) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(instance.port()));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(instance.managementPort()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", shape.kafkaBootstrapServers());
        env.put("KAFKA_TOPIC_REPLICATION_FACTOR", Integer.toString(shape.replicationFactor()));
        env.put("KAFKA_TOPIC_MIN_INSYNC_REPLICAS", Integer.toString(shape.minInsyncReplicas()));
        // The jars run in the prod profile, whose logs are JSON lines for collectors; here a person reads them.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        switch (instance.service().name()) {
            case "api-gateway" -> {
                // Local only: benchmarks and e2e tests send hundreds of requests a second on one token.
                env.put("GATEWAY_RATE_LIMITS_DEFAULT_CAPACITY", "5000");
                env.put("GATEWAY_RATE_LIMITS_DEFAULT_REFILL_PER_SECOND", "2500");
                for (StackSpec.Service upstream : StackSpec.SERVICES) {
                    if (upstream.name().equals("api-gateway")) {
                        continue;
                    }
                    String key = "GATEWAY_UPSTREAMS_" + upstream.name().replaceFirst("-service$", "")
                            .replace('-', '_').toUpperCase(Locale.ROOT);
                    List<StackSpec.Instance> instances = shape.instancesOf(upstream);
                    env.put(key + "_URL", String.join(",", instances.stream().map(StackSpec.Instance::url).toList()));
                    env.put(key + "_MANAGEMENT_URL", String.join(",",
                            instances.stream().map(StackSpec.Instance::managementUrl).toList()));
                }
            }
            // Local only: look for renewals falling due every 10 s rather than hourly, so that every
            // instance's scan runs while someone works (each renewal is still opened exactly once).
            case "customer-success-service" -> env.put("SALESPLATFORM_RENEWALS_SCAN_EVERY", "10s");
            default -> {
            }
        }
        return env;
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

    /**
     * After start: report children that end on their own (no restart: `status` shows them down),
     * except a broker of a cluster, which is started again on its kept data as an orchestrator would
     * (a cluster is made to lose a member and have it back; a lone broker or a service is not).
     */
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
                if (r.process().isAlive() || isStopping()) {
                    continue;
                }
                Optional<KafkaBroker.Node> member = options.shape().kafkaBrokers() == 1 ? Optional.empty()
                        : options.shape().kafkaNodes().stream()
                                .filter(node -> options.shape().kafkaName(node).equals(r.name())).findFirst();
                if (member.isPresent()) {
                    restart(r, member.get());
                } else if (reported.add(r.name())) {
                    console.line("WARNING: " + r.name() + " (pid " + r.process().pid() + ") has exited; see "
                            + layout.show(layout.log(r.name())));
                }
            }
        }
    }

    private void restart(Running gone, KafkaBroker.Node node) {
        synchronized (lock) {
            running.remove(gone);
        }
        console.line("WARNING: " + gone.name() + " (pid " + gone.process().pid() + ") has exited; starting it again");
        Thread restart = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                startKafkaNode(node, KafkaBroker.clusterId(layout.kafkaClusterDir(options.shape().kafkaBrokers())),
                        Duration.ofSeconds(120));
                console.step(gone.name(), String.format(Locale.ROOT, "ready again (%.1f s)",
                        (System.nanoTime() - t0) / 1e9));
            } catch (Aborted stopping) {
                // the stack is stopping: nothing to restart
            } catch (RuntimeException e) {
                console.line("WARNING: " + gone.name() + " did not start again: " + e.getMessage());
            }
        }, "devstack-restart-" + gone.name());
        restart.setDaemon(true);
        restart.start();
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
            State.write(layout, State.STOPPING, options.infraOnly(), options.shape());
            console.line("Stopping the stack...");
            Instant t0 = Instant.now();
            StackSpec.Shape shape = options.shape();
            stopInParallel(snapshot(shape.instances().stream().map(StackSpec.Instance::name).toList()));
            stopInParallel(snapshot(List.of(StackSpec.KEYCLOAK)));
            stopInParallel(snapshot(shape.kafkaNames()));
            try {
                postgresStart.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // started or not: whatever registered is stopped below
            }
            stopInParallel(snapshot(List.of(StackSpec.POSTGRES)));
            for (String name : shape.logNames()) {
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
        ExecutorService pool = pool(group.size(), "devstack-stop");
        for (Running r : group) {
            stops.add(CompletableFuture.runAsync(() -> {
                if (!r.process().isAlive()) {
                    return;
                }
                Instant t0 = Instant.now();
                boolean graceful = Processes.stop(r.process(), r.signal(), r.grace());
                console.step(r.name(), String.format(Locale.ROOT, "stopped%s (%.1f s)",
                        graceful ? "" : " (killed after " + r.grace().toSeconds() + " s)", seconds(t0)));
            }, pool));
        }
        stops.forEach(CompletableFuture::join);
        pool.shutdown();
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
