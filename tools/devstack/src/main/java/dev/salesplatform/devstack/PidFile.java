package dev.salesplatform.devstack;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What the stack started: a pid, the start time of that process and a string its command line must
 * contain. A process is taken as ours only if all three still match, so a recycled pid is never
 * signalled.
 */
public record PidFile(long pid, long startedEpochMillis, String commandMarker) {

    public static PidFile of(ProcessHandle process, String commandMarker) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new PidFile(process.pid(), started, commandMarker);
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, "pid=" + pid + "\nstarted=" + startedEpochMillis + "\nmatch="
                    + commandMarker.replace("\\", "\\\\") + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<PidFile> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file)));
            return Optional.of(new PidFile(Long.parseLong(p.getProperty("pid").trim()),
                    Long.parseLong(p.getProperty("started", "0").trim()), p.getProperty("match", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The live process this file names, if it is still the one that was started. */
    public Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid).filter(p -> matches(p, startedEpochMillis, commandMarker));
    }

    static boolean matches(ProcessHandle process, long startedEpochMillis, String marker) {
        if (!process.isAlive()) {
            return false;
        }
        if (startedEpochMillis != 0) {
            Optional<Instant> started = process.info().startInstant();
            // the kernel gives start times in clock ticks: allow for rounding
            if (started.isPresent() && Math.abs(started.get().toEpochMilli() - startedEpochMillis) > 1000) {
                return false;
            }
        }
        return commandLine(process).map(c -> marker.isEmpty() || c.contains(marker)).orElse(false);
    }

    /** The full command line; /proc is read directly because ProcessHandle.Info may truncate it. */
    static Optional<String> commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                byte[] bytes = Files.readAllBytes(cmdline);
                if (bytes.length > 0) {
                    return Optional.of(new String(bytes).replace('\0', ' ').trim());
                }
            }
        } catch (IOException e) {
            // fall back
        }
        return process.info().commandLine();
    }
}
