package dev.salesplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The supervisor's phase and what it runs, in .platform/run/state: "STARTING full 1 1",
 * "READY infra-only 1 3" (phase, mode, instances of each service, Kafka brokers).
 */
final class State {

    static final String STARTING = "STARTING";
    static final String READY = "READY";
    static final String STOPPING = "STOPPING";
    static final String FAILED = "FAILED";

    static final String FULL = "full";
    static final String INFRA_ONLY = "infra-only";

    private State() {
    }

    static void write(Layout layout, String phase, boolean infraOnly, StackSpec.Shape shape) {
        Path file = layout.stateFile();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("state.tmp");
            Files.writeString(tmp, phase + " " + (infraOnly ? INFRA_ONLY : FULL) + " " + shape.replicas() + " "
                    + shape.kafkaBrokers() + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> read(Layout layout) {
        try {
            return Files.isRegularFile(layout.stateFile())
                    ? Optional.of(Files.readString(layout.stateFile()).trim())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean isPhase(Layout layout, String phase) {
        return read(layout).map(s -> s.startsWith(phase + " ")).orElse(false);
    }

    static boolean infraOnly(Layout layout) {
        return read(layout).map(s -> words(s).contains(INFRA_ONLY)).orElse(false);
    }

    /** What the running (or last) stack was started with; one of each when nothing says otherwise. */
    static StackSpec.Shape shape(Layout layout) {
        List<String> words = read(layout).map(State::words).orElse(List.of());
        try {
            return words.size() >= 4
                    ? new StackSpec.Shape(Integer.parseInt(words.get(2)), Integer.parseInt(words.get(3)))
                    : StackSpec.Shape.SINGLE;
        } catch (RuntimeException unreadable) {
            return StackSpec.Shape.SINGLE;
        }
    }

    private static List<String> words(String state) {
        return Arrays.asList(state.trim().split("\\s+"));
    }
}
