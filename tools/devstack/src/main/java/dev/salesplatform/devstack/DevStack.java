package dev.salesplatform.devstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.salesplatform.localinfra.Directories;
import dev.salesplatform.localinfra.PostgresServer;
import dev.salesplatform.localinfra.ProcessSupport;

/**
 * The local stack: {@code up [--fresh] [-d] [--infra-only]}, {@code down}, {@code status},
 * {@code logs [name]}. Run from the repository root (the {@code platform} script does that).
 * State lives under {@code .platform/}: data directories, logs, pid files.
 */
public final class DevStack {

    static final Duration SUPERVISOR_STOP_TIMEOUT = Duration.ofSeconds(240);

    private final Layout layout;
    private final PrintStream out = System.out;

    DevStack(Layout layout) {
        this.layout = layout;
    }

    public static void main(String[] args) {
        int code;
        try {
            Options options = Options.parse(Arrays.asList(args), System.getenv("PLATFORM_UP_TIMEOUT"));
            if (options.command() == Options.Command.HELP) {
                System.out.print(Options.usage());
                return;
            }
            code = new DevStack(Layout.detect()).run(options);
        } catch (Options.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.print(Options.usage());
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    int run(Options options) {
        return switch (options.command()) {
            case UP -> options.supervise() ? supervise(options) : up(options);
            case DOWN -> down();
            case STATUS -> status();
            case LOGS -> logs(options.logName());
            case RUNNING -> running();
            case HELP -> 0;
        };
    }

    // ---------------------------------------------------------------- up

    private int supervise(Options options) {
        return new Supervisor(layout, options, new Console(null, layout.log(StackSpec.SUPERVISOR)), true).run();
    }

    /** One `up` at a time: a second one waits until the first has started the stack (or failed). */
    private int up(Options options) {
        Path lockFile = layout.platformDir().resolve("up.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    out.println("Another ./platform up is starting the stack; waiting for it...");
                    lock = channel.lock();
                }
                return upLocked(options);
            }
        } catch (IOException e) {
            out.println("Cannot lock " + layout.show(lockFile) + ": " + e.getMessage());
            return 1;
        }
    }

    private int upLocked(Options options) {
        Optional<ProcessHandle> supervisor = liveSupervisor();
        if (supervisor.isPresent() && !options.fresh()) {
            return alreadyRunning(supervisor.get(), options);
        }
        if (supervisor.isPresent()) {
            stop(supervisor);
        } else {
            sweepLeftovers("Stopping what a previous run left behind:");
        }
        if (options.fresh()) {
            wipe();
        }
        List<String> missing = missingArtifacts(options.infraOnly());
        if (!missing.isEmpty()) {
            out.println("Cannot start: missing build output:");
            missing.forEach(m -> out.println("  " + m));
            out.println("Build it with ./mvnw -B install -DskipTests (./platform up does this by itself).");
            return 1;
        }
        List<String> conflicts = Ports.conflicts(options.shape().ports(options.infraOnly()));
        if (!conflicts.isEmpty()) {
            out.println("Cannot start: " + (conflicts.size() == 1 ? "a port the stack needs is" : "ports the stack needs are")
                    + " taken:");
            conflicts.forEach(c -> out.println("  " + c));
            out.println("Stop whatever holds " + (conflicts.size() == 1 ? "it" : "them") + " and run ./platform up again.");
            return 1;
        }
        rotateSupervisorLog();
        if (options.detach()) {
            return startDetached(options);
        }
        return new Supervisor(layout, options, new Console(System.out, layout.log(StackSpec.SUPERVISOR)), false).run();
    }

    private int alreadyRunning(ProcessHandle supervisor, Options options) {
        if (State.isPhase(layout, State.STARTING)) {
            out.println("The stack is starting already (supervisor pid " + supervisor.pid() + "); waiting for it.");
            Logs.Follower follower = new Logs.Follower(layout.log(StackSpec.SUPERVISOR), 0);
            return follow(follower, supervisor, null);
        }
        boolean infraOnly = State.infraOnly(layout);
        StackSpec.Shape shape = State.shape(layout);
        out.println("The stack is already running (supervisor pid " + supervisor.pid()
                + (infraOnly ? ", infrastructure only" : "") + ", " + shape + "); nothing to do.");
        if (infraOnly && !options.infraOnly()) {
            out.println("It was started with --infra-only: run ./platform down, then ./platform up, to start the services too.");
        }
        if (!shape.equals(options.shape())) {
            out.println("You asked for " + options.shape() + ": run ./platform down, then ./platform up "
                    + String.join(" ", options.shape().options()) + ", to change it.");
        }
        out.print(Info.text(infraOnly, shape));
        return 0;
    }

    /** Starts a supervisor in a session of its own and shows its progress until the stack is ready. */
    private int startDetached(Options options) {
        List<String> command = new ArrayList<>();
        ProcessSupport.setsid().ifPresent(command::add);
        command.addAll(List.of(ProcessSupport.javaExecutable(), "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dslf4j.internal.verbosity=ERROR", "-Dplatform.root=" + layout.root(),
                "-cp", absoluteClasspath(), DevStack.class.getName()));
        command.addAll(options.superviseArgs());
        Path daemonOut = layout.logsDir().resolve(StackSpec.SUPERVISOR + ".out");
        Logs.Follower follower = new Logs.Follower(layout.log(StackSpec.SUPERVISOR), 0);
        Process daemon;
        try {
            Files.createDirectories(layout.logsDir());
            daemon = new ProcessBuilder(command)
                    .directory(layout.root().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(daemonOut.toFile()))
                    .start();
        } catch (IOException e) {
            out.println("Cannot launch the supervisor: " + e.getMessage());
            return 1;
        }
        return follow(follower, daemon.toHandle(), daemonOut);
    }

    /**
     * Echoes the supervisor's log until the stack is ready (0) or the supervisor ends (1). A Ctrl-C
     * meanwhile stops the half-started stack.
     */
    private int follow(Logs.Follower follower, ProcessHandle supervisor, Path daemonOut) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean interrupting = new AtomicBoolean();
        Thread interrupted = new Thread(() -> {
            if (!done.get()) {
                interrupting.set(true);
                out.println();
                out.println("Interrupted: stopping the stack.");
                stop(Optional.of(supervisor));
            }
        }, "devstack-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            while (true) {
                if (interrupting.get()) {
                    Supervisor.sleep(200); // the shutdown hook reports from here on
                    continue;
                }
                follower.poll().forEach(out::println);
                if (State.isPhase(layout, State.READY) && supervisor.isAlive()) {
                    Supervisor.sleep(100);
                    follower.poll().forEach(out::println);
                    return 0;
                }
                if (!supervisor.isAlive()) {
                    Supervisor.sleep(100);
                    follower.poll().forEach(out::println);
                    if (daemonOut != null) {
                        String crash = Logs.tail(daemonOut, 20).lines()
                                .filter(l -> !l.startsWith("SLF4J")).collect(java.util.stream.Collectors.joining("\n"));
                        if (!crash.isBlank()) {
                            out.println(crash);
                        }
                    }
                    out.println("The stack did not start; see " + layout.show(layout.logsDir()) + "/.");
                    return 1;
                }
                Supervisor.sleep(200);
            }
        } finally {
            done.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already
            }
        }
    }

    private static String absoluteClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry.endsWith("*") ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath() + "/*"
                        : Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    List<String> missingArtifacts(boolean infraOnly) {
        List<String> missing = new ArrayList<>();
        if (!Files.isDirectory(layout.kafkaLibs())) {
            missing.add(layout.show(layout.kafkaLibs()) + " (Kafka broker jars)");
        }
        if (!Files.isRegularFile(layout.keycloakDist())) {
            missing.add(layout.show(layout.keycloakDist()) + " (Keycloak distribution)");
        }
        if (!infraOnly) {
            for (StackSpec.Service service : StackSpec.SERVICES) {
                if (!Files.isRegularFile(layout.serviceJar(service))) {
                    missing.add(layout.show(layout.serviceJar(service)));
                }
            }
        }
        return missing;
    }

    private void wipe() {
        out.println("Wiping the stack's data (--fresh): " + layout.show(layout.postgresData()) + ", "
                + layout.show(layout.kafkaDir()) + "*, " + layout.show(layout.keycloakHome().resolve("data")));
        try {
            Directories.deleteRecursively(layout.postgresData());
            Directories.deleteRecursively(layout.kafkaDir());
            for (int brokers = 2; brokers <= StackSpec.MAX_KAFKA_BROKERS; brokers++) {
                Directories.deleteRecursively(layout.kafkaClusterDir(brokers));
            }
            Directories.deleteRecursively(layout.keycloakHome().resolve("data"));
            Directories.deleteRecursively(layout.runDir());
        } catch (IOException e) {
            throw new IllegalStateException("cannot wipe " + layout.platformDir() + ": " + e.getMessage(), e);
        }
    }

    private void rotateSupervisorLog() {
        Path log = layout.log(StackSpec.SUPERVISOR);
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(StackSpec.SUPERVISOR + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // keep appending
        }
    }

    // ---------------------------------------------------------------- down

    private int down() {
        Optional<ProcessHandle> supervisor = liveSupervisor();
        boolean any = supervisor.isPresent();
        if (any) {
            stop(supervisor);
        }
        any |= sweepLeftovers(any ? "Still running after the supervisor ended:" : "Stopping the stack's processes:");
        if (!any) {
            out.println("Nothing is running.");
        }
        Supervisor.deleteQuietly(layout.pidFile(StackSpec.SUPERVISOR));
        Supervisor.deleteQuietly(layout.stateFile());
        return 0;
    }

    /** Tells the supervisor to stop the stack (SIGTERM) and shows its progress until it has ended. */
    private void stop(Optional<ProcessHandle> supervisor) {
        ProcessHandle process = supervisor.orElseThrow();
        out.println("Stopping the stack (supervisor pid " + process.pid() + ")...");
        Logs.Follower follower = Logs.Follower.fromEnd(layout.log(StackSpec.SUPERVISOR));
        process.destroy();
        Instant deadline = Instant.now().plus(SUPERVISOR_STOP_TIMEOUT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            follower.poll().forEach(out::println);
            Processes.awaitExit(process, Duration.ofMillis(200));
        }
        follower.poll().forEach(out::println);
        if (process.isAlive()) {
            out.println("The supervisor did not end within " + SUPERVISOR_STOP_TIMEOUT.toSeconds() + " s; killing it.");
            process.destroyForcibly();
            Processes.awaitExit(process, Duration.ofSeconds(10));
        }
    }

    /**
     * Stops, in order, processes named by pid files whose command line still matches what was
     * started; removes stale pid files. Returns true if it stopped anything.
     */
    private boolean sweepLeftovers(String heading) {
        boolean headed = false;
        for (String name : StackSpec.allNames()) {
            Optional<ProcessHandle> process = ownProcess(name);
            if (process.isPresent()) {
                if (!headed) {
                    out.println(heading);
                    headed = true;
                }
                Instant t0 = Instant.now();
                boolean postgres = name.equals(StackSpec.POSTGRES);
                Duration grace = Duration.ofSeconds(name.startsWith(StackSpec.KAFKA) ? 60 : 30);
                boolean graceful = Processes.stop(process.get(), postgres ? "INT" : "TERM", grace);
                out.printf(Locale.ROOT, "  %-26s stopped pid %d%s (%.1f s)%n", name, process.get().pid(),
                        graceful ? "" : " (killed after " + grace.toSeconds() + " s)", Supervisor.seconds(t0));
            }
            Supervisor.deleteQuietly(layout.pidFile(name));
        }
        Supervisor.deleteQuietly(layout.pidFile("topics"));
        return headed;
    }

    /** The live process of a component, if its pid file (or postmaster.pid) names one that is still ours. */
    Optional<ProcessHandle> ownProcess(String name) {
        Optional<ProcessHandle> fromPidFile = PidFile.read(layout.pidFile(name)).flatMap(PidFile::liveProcess);
        if (fromPidFile.isPresent() || !name.equals(StackSpec.POSTGRES)) {
            return fromPidFile;
        }
        OptionalLong postmaster = PostgresServer.postmasterPid(layout.postgresData());
        String marker = layout.postgresData().toAbsolutePath().toString();
        return postmaster.isPresent()
                ? ProcessHandle.of(postmaster.getAsLong()).filter(p -> PidFile.matches(p, 0, marker))
                : Optional.empty();
    }

    Optional<ProcessHandle> liveSupervisor() {
        return PidFile.read(layout.pidFile(StackSpec.SUPERVISOR)).flatMap(PidFile::liveProcess)
                .filter(p -> p.pid() != ProcessHandle.current().pid());
    }

    // ---------------------------------------------------------------- status, logs, running

    private int status() {
        Optional<ProcessHandle> supervisor = liveSupervisor();
        String state = State.read(layout).orElse("-");
        out.printf("%-26s %-9s %-8s %s%n", "COMPONENT", "STATE", "PID", "PORT");
        out.printf("%-26s %-9s %-8s %s%n", StackSpec.SUPERVISOR, supervisor.isPresent() ? "up" : "down",
                supervisor.map(p -> Long.toString(p.pid())).orElse("-"),
                supervisor.isPresent() ? "(" + state.toLowerCase(Locale.ROOT) + ")" : "");
        StackSpec.Shape shape = State.shape(layout);
        row(StackSpec.POSTGRES, List.of(StackSpec.POSTGRES_PORT), null);
        for (dev.salesplatform.localinfra.KafkaBroker.Node node : shape.kafkaNodes()) {
            row(shape.kafkaName(node), List.of(node.port(), node.controllerPort()), null);
        }
        row(StackSpec.KEYCLOAK, List.of(StackSpec.KEYCLOAK_PORT, StackSpec.KEYCLOAK_MANAGEMENT_PORT),
                StackSpec.keycloakReadinessUrl());
        for (StackSpec.Instance instance : shape.instances()) {
            row(instance.name(), List.of(instance.port()), instance.readinessUrl());
        }
        out.println();
        out.println("Logs: " + layout.show(layout.logsDir()) + "/<name>.log   Data: " + layout.show(layout.platformDir()) + "/");
        return supervisor.isPresent() && State.isPhase(layout, State.READY) ? 0 : 3;
    }

    private void row(String name, List<Integer> ports, String readinessUrl) {
        Optional<ProcessHandle> process = ownProcess(name);
        String portText = String.join(",", ports.stream().map(String::valueOf).toList());
        String stateText;
        if (process.isPresent()) {
            stateText = readinessUrl == null ? (Ports.inUse(ports.getFirst()) ? "up" : "starting")
                    : (Http.ok(readinessUrl) ? "up" : "not ready");
        } else {
            stateText = "down";
            if (ports.stream().anyMatch(Ports::inUse)) {
                portText += "  (in use by another process)";
            }
        }
        out.printf("%-26s %-9s %-8s %s%n", name, stateText, process.map(p -> Long.toString(p.pid())).orElse("-"),
                portText);
    }

    private int logs(Optional<String> name) {
        List<String> logNames = State.shape(layout).logNames();
        List<String> names = name.map(List::of).orElse(logNames);
        boolean any = false;
        for (String n : names) {
            Path log = layout.log(n);
            if (Files.isRegularFile(log)) {
                any = true;
                out.println("==> " + layout.show(log) + " <==");
                out.println(Logs.tail(log, name.isPresent() ? 200 : 20));
            } else if (name.isPresent()) {
                out.println("No log " + layout.show(log) + "; logs are: " + String.join(" ", logNames));
                return 1;
            }
        }
        if (!any) {
            out.println("No logs yet under " + layout.show(layout.logsDir()) + "/.");
        }
        return 0;
    }

    /** Exit 0: the full stack is ready; 2: the infrastructure only is ready; 1: not running/ready. */
    private int running() {
        if (liveSupervisor().isEmpty() || !State.isPhase(layout, State.READY)) {
            return 1;
        }
        return State.infraOnly(layout) ? 2 : 0;
    }
}
