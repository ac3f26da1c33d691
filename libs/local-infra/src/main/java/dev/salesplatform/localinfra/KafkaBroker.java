package dev.salesplatform.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.salesplatform.topics.TopicDefinition;

/**
 * A real KRaft Kafka broker (broker and controller in one process), run as a child process on its
 * own classpath (the broker jars collected by tools/kafka-broker), so that the broker version does
 * not follow the client version of the application classpath. Alone ({@link #start}) it is a cluster
 * of one; {@link #startMember} makes it one node of a cluster whose controllers form a static quorum.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String STARTED_MARKER = "Kafka Server started";

    private final Process process;
    private final String bootstrapServers;
    private final Path libs;
    private final Path logFile;

    private KafkaBroker(Process process, String bootstrapServers, Path libs, Path logFile) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.libs = libs;
        this.logFile = logFile;
    }

    /** One node of a local cluster: its id and its two listeners on 127.0.0.1. */
    public record Node(int id, int port, int controllerPort) {

        public String bootstrapServer() {
            return "127.0.0.1:" + port;
        }

        String voter() {
            return id + "@127.0.0.1:" + controllerPort;
        }
    }

    /** The nodes of a cluster of {@code size}: ids 1..size, ports from {@code firstPort} on, two each. */
    public static List<Node> cluster(int size, int firstPort) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster has at least one node, not " + size);
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new Node(i + 1, firstPort + 2 * i, firstPort + 2 * i + 1));
        }
        return List.copyOf(nodes);
    }

    /** The bootstrap list of {@code nodes}, as clients take it. */
    public static String bootstrapServers(List<Node> nodes) {
        return String.join(",", nodes.stream().map(Node::bootstrapServer).toList());
    }

    /**
     * The id of the cluster kept in {@code clusterDir}: read from its {@code cluster.id}, or made
     * and written there on first use, so that every node formats its storage for the same cluster.
     */
    public static String clusterId(Path clusterDir) {
        Path file = clusterDir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(clusterDir);
            String id = randomClusterId();
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How the broker process is launched.
     *
     * @param logFile    where its output goes (null: {@code workDir/broker.log})
     * @param ownSession run it in a session of its own (setsid), so that a Ctrl-C in the terminal
     *                   reaches only the launcher, which then stops it in order
     * @param onLaunch   told the process as soon as it exists, before it is ready
     */
    public record LaunchOptions(Path logFile, boolean ownSession, Consumer<ProcessHandle> onLaunch) {

        public static LaunchOptions defaults() {
            return new LaunchOptions(null, false, process -> {
            });
        }
    }

    /**
     * Starts a broker whose data lives in {@code workDir}; storage is formatted only on first use,
     * so a kept directory keeps its topics and messages.
     */
    public static KafkaBroker start(Path libs, Path workDir, int port, int controllerPort, Duration timeout) {
        return start(libs, workDir, port, controllerPort, timeout, LaunchOptions.defaults());
    }

    /** As {@link #start(Path, Path, int, int, Duration)}, launched as {@code options} say. */
    public static KafkaBroker start(Path libs, Path workDir, int port, int controllerPort, Duration timeout,
                                    LaunchOptions options) {
        Node node = new Node(1, port, controllerPort);
        return launch(libs, workDir, node, List.of(node), null, timeout, options);
    }

    /**
     * Starts {@code node} of {@code cluster}, whose data lives in {@code workDir} (one directory per
     * node). Every node of the cluster votes in its controller quorum, so the cluster stays up while
     * a majority of it runs; a node waits for that majority before it counts as started, so start
     * the nodes at the same time. Storage is formatted for {@code clusterId} on first use only.
     */
    public static KafkaBroker startMember(Path libs, Path workDir, Node node, List<Node> cluster, String clusterId,
                                          Duration timeout, LaunchOptions options) {
        if (!cluster.contains(node)) {
            throw new IllegalArgumentException("node " + node + " is not one of " + cluster);
        }
        return launch(libs, workDir, node, cluster, clusterId, timeout, options);
    }

    /** {@code clusterId} null: a cluster of one, formatted standalone (its controller quorum made by itself). */
    private static KafkaBroker launch(Path libs, Path workDir, Node node, List<Node> cluster, String clusterId,
                                      Duration timeout, LaunchOptions options) {
        requireLibs(libs);
        workDir = workDir.toAbsolutePath();
        try {
            Files.createDirectories(workDir);
            Path dataDir = workDir.resolve("data");
            Path config = workDir.resolve("server.properties");
            Files.writeString(config, serverProperties(dataDir, node, clusterId == null ? List.of() : cluster));
            Path logFile = options.logFile() == null ? workDir.resolve("broker.log") : options.logFile().toAbsolutePath();
            Files.createDirectories(logFile.getParent());
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                format(libs, config, workDir.resolve("format.log"), clusterId);
            }
            List<String> main = new ArrayList<>();
            if (options.ownSession()) {
                ProcessSupport.setsid().ifPresent(main::add);
            }
            Process process = javaProcess(libs, main, List.of("kafka.Kafka", config.toString()), workDir, logFile);
            options.onLaunch().accept(process.toHandle());
            KafkaBroker broker = new KafkaBroker(process, clusterId == null ? node.bootstrapServer()
                    : bootstrapServers(cluster), libs, logFile);
            broker.awaitStarted(timeout);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** As {@link #createTopics(List, int, int)} on a one-broker cluster: replication factor 1, min.insync.replicas 1. */
    public void createTopics(List<TopicDefinition> topics) {
        createTopics(topics, 1, 1);
    }

    /**
     * Creates the topics as defined, or brings existing ones to their definition (configs set,
     * partitions raised, never lowered), all in one child JVM; its output goes to topics.log beside
     * the broker's log.
     *
     * @param replicationFactor the cluster's: 1 on one broker, 3 on three
     * @param minInsyncReplicas the cluster's: 1 on one broker, 2 on three (at most the replication factor)
     */
    public void createTopics(List<TopicDefinition> topics, int replicationFactor, int minInsyncReplicas) {
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("replication factor " + replicationFactor + " is not a number of brokers");
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("min.insync.replicas " + minInsyncReplicas
                    + " must be between 1 and the replication factor " + replicationFactor);
        }
        List<String> args = new ArrayList<>(List.of(TopicCreator.class.getName(), bootstrapServers,
                Integer.toString(replicationFactor), Integer.toString(minInsyncReplicas)));
        topics.forEach(topic -> args.add(topic.line()));
        Path creatorLog = logFile.resolveSibling("topics.log");
        try {
            Process creator = javaProcess(libs, List.of(), args, logFile.getParent(), creatorLog,
                    ProcessSupport.codeSource(TopicCreator.class), ProcessSupport.codeSource(TopicDefinition.class));
            if (creator.waitFor() != 0) {
                throw new IllegalStateException("creating topics failed, see " + creatorLog + ":\n"
                        + Files.readString(creatorLog));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the broker at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitStarted(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                        + ", see " + logFile + ":\n" + tail(logFile));
            }
            if (Files.exists(logFile) && Files.readString(logFile).contains(STARTED_MARKER)) {
                return;
            }
        }
        close();
        throw new IllegalStateException("Kafka broker not started within " + timeout + ", see " + logFile);
    }

    /** {@code clusterId} null: a new cluster of one, its quorum this node alone. */
    private static void format(Path libs, Path config, Path log, String clusterId) throws IOException {
        List<String> args = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id=" + (clusterId == null ? randomClusterId() : clusterId), "-c", config.toString()));
        if (clusterId == null) {
            args.add("--standalone");
        }
        Process format = javaProcess(libs, List.of(), args, config.getParent(), log);
        try {
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process javaProcess(Path libs, List<String> prefix, List<String> mainAndArgs, Path dir, Path log,
                                       Path... extraClasspath) throws IOException {
        StringBuilder classpath = new StringBuilder(libs.toAbsolutePath() + "/*");
        for (Path extra : extraClasspath) {
            classpath.append(':').append(extra.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(ProcessSupport.javaExecutable(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", classpath.toString()));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
    }

    /**
     * {@code voters} empty: a cluster of one with a dynamic quorum (formatted standalone); else the
     * static quorum of every voter, and internal and new topics replicated to three nodes (or all, if
     * fewer) with writes needing two of them in sync, as a production cluster would have it.
     */
    private static String serverProperties(Path dataDir, Node node, List<Node> voters) {
        int replicas = Math.min(3, Math.max(1, voters.size()));
        int minInsync = Math.min(2, replicas);
        List<String> lines = new ArrayList<>(List.of(
                "node.id=" + node.id(),
                "process.roles=broker,controller",
                "listeners=PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + node.port(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                voters.isEmpty() ? "controller.quorum.bootstrap.servers=127.0.0.1:" + node.controllerPort()
                        : "controller.quorum.voters=" + String.join(",", voters.stream().map(Node::voter).toList()),
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=3",
                "log.retention.ms=-1",
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minInsync,
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInsync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInsync,
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                ""));
        return String.join("\n", lines);
    }

    /** Base64url, so it may start with '-': always pass it as {@code --cluster-id=<id>}, never as a separate argument. */
    private static String randomClusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static void requireLibs(Path libs) {
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka broker jars not found at " + libs
                    + "; build tools/kafka-broker first (./mvnw -pl tools/kafka-broker package)");
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
