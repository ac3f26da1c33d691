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
 * A real single-node KRaft Kafka broker, run as a child process on its own classpath (the broker
 * jars collected by tools/kafka-broker), so that the broker version does not follow the client
 * version of the application classpath.
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
        requireLibs(libs);
        workDir = workDir.toAbsolutePath();
        try {
            Files.createDirectories(workDir);
            Path dataDir = workDir.resolve("data");
            Path config = workDir.resolve("server.properties");
            Files.writeString(config, serverProperties(dataDir, port, controllerPort));
            Path logFile = options.logFile() == null ? workDir.resolve("broker.log") : options.logFile().toAbsolutePath();
            Files.createDirectories(logFile.getParent());
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                format(libs, config, workDir.resolve("format.log"));
            }
            List<String> main = new ArrayList<>();
            if (options.ownSession()) {
                ProcessSupport.setsid().ifPresent(main::add);
            }
            Process process = javaProcess(libs, main, List.of("kafka.Kafka", config.toString()), workDir, logFile);
            options.onLaunch().accept(process.toHandle());
            KafkaBroker broker = new KafkaBroker(process, "127.0.0.1:" + port, libs, logFile);
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

    private static void format(Path libs, Path config, Path log) throws IOException {
        Process format = javaProcess(libs, List.of(), List.of("kafka.tools.StorageTool", "format", "--standalone",
                "--ignore-formatted", "--cluster-id=" + randomClusterId(), "-c", config.toString()), config.getParent(), log);
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

    private static String serverProperties(Path dataDir, int port, int controllerPort) {
        return String.join("\n",
                "node.id=1",
                "process.roles=broker,controller",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=3",
                "log.retention.ms=-1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
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
