package dev.salesplatform.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where everything lives, relative to the repository root. State is kept under .platform/. */
public record Layout(Path root) {

    public Layout {
        root = root.toAbsolutePath().normalize();
    }

    /** The root from -Dplatform.root, else the working directory; it must hold tools/devstack. */
    public static Layout detect() {
        String configured = System.getProperty("platform.root");
        Path root = Path.of(configured == null || configured.isBlank() ? "." : configured);
        Layout layout = new Layout(root);
        if (!Files.isDirectory(layout.root().resolve("tools/devstack"))) {
            throw new Options.UsageException("run this from the repository root (no tools/devstack under "
                    + layout.root() + ")");
        }
        return layout;
    }

    public Path platformDir() {
        return root.resolve(".platform");
    }

    public Path logsDir() {
        return platformDir().resolve("logs");
    }

    public Path log(String name) {
        return logsDir().resolve(name + ".log");
    }

    public Path runDir() {
        return platformDir().resolve("run");
    }

    public Path pidFile(String name) {
        return runDir().resolve(name + ".pid");
    }

    public Path stateFile() {
        return runDir().resolve("state");
    }

    public Path postgresData() {
        return platformDir().resolve("postgres");
    }

    /** The data of a broker alone. */
    public Path kafkaDir() {
        return platformDir().resolve("kafka");
    }

    /** A cluster of {@code brokers} keeps a log of its own, with its id and a directory per broker. */
    public Path kafkaClusterDir(int brokers) {
        return platformDir().resolve("kafka-cluster-" + brokers);
    }

    public Path kafkaDir(StackSpec.Shape shape, dev.salesplatform.localinfra.KafkaBroker.Node node) {
        return shape.kafkaBrokers() == 1 ? kafkaDir() : kafkaClusterDir(shape.kafkaBrokers()).resolve("broker-" + node.id());
    }

    public Path keycloakHome() {
        return platformDir().resolve("keycloak");
    }

    public Path kafkaLibs() {
        return root.resolve("tools/kafka-broker/target/kafka-libs");
    }

    public Path keycloakDist() {
        return root.resolve("tools/devstack/target/keycloak/keycloak-dist.zip");
    }

    public Path realmDir() {
        return root.resolve("deploy/keycloak");
    }

    public Path serviceDir(StackSpec.Service service) {
        return root.resolve(service.name());
    }

    public Path serviceJar(StackSpec.Service service) {
        return serviceDir(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Relative to the root, for messages. */
    public String show(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
