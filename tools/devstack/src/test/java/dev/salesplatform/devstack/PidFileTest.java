package dev.salesplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBack() {
        Path file = dir.resolve("run/x.pid");
        PidFile written = new PidFile(4242, 1_700_000_000_123L, "/opt/app/bin/run.sh --with \\ backslash");
        written.write(file);
        assertEquals(Optional.of(written), PidFile.read(file));
    }

    @Test
    void missingOrGarbledFilesReadAsNothing() throws Exception {
        assertEquals(Optional.empty(), PidFile.read(dir.resolve("none.pid")));
        Files.writeString(dir.resolve("bad.pid"), "pid=notanumber\n");
        assertEquals(Optional.empty(), PidFile.read(dir.resolve("bad.pid")));
    }

    @Test
    void aLiveProcessMatchesOnlyWithItsStartTimeAndCommandLine() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            PidFile file = PidFile.of(sleeper.toHandle(), "sleep 60");
            assertEquals(sleeper.pid(), file.liveProcess().map(ProcessHandle::pid).orElseThrow());
            // another command line: not ours
            assertTrue(new PidFile(sleeper.pid(), file.startedEpochMillis(), "kafka.Kafka").liveProcess().isEmpty());
            // same pid, other start time: a recycled pid, not ours
            assertTrue(new PidFile(sleeper.pid(), file.startedEpochMillis() - 60_000, "sleep").liveProcess().isEmpty());
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void aDeadProcessIsNotLive() throws Exception {
        Process done = new ProcessBuilder("true").start();
        PidFile file = PidFile.of(done.toHandle(), "true");
        done.waitFor();
        Processes.awaitExit(done.toHandle(), Duration.ofSeconds(5));
        assertTrue(file.liveProcess().isEmpty());
    }

    @Test
    void theFullCommandLineIsRead() {
        String line = PidFile.commandLine(ProcessHandle.current()).orElseThrow();
        assertTrue(line.contains("java"), line);
    }
}
