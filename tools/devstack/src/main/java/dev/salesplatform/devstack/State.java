package dev.salesplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The supervisor's phase in .platform/run/state: "STARTING full", "READY infra-only", ... */
final class State {

    static final String STARTING = "STARTING";
    static final String READY = "READY";
    static final String STOPPING = "STOPPING";
    static final String FAILED = "FAILED";

    static final String FULL = "full";
    static final String INFRA_ONLY = "infra-only";

    private State() {
    }

    static void write(Layout layout, String phase, boolean infraOnly) {
        Path file = layout.stateFile();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("state.tmp");
            Files.writeString(tmp, phase + " " + (infraOnly ? INFRA_ONLY : FULL) + "\n");
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
        return read(layout).map(s -> s.endsWith(" " + INFRA_ONLY)).orElse(false);
    }
}
