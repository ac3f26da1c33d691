package dev.salesplatform.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Graceful stopping of processes, by handle: a signal first, SIGKILL after a grace period. */
public final class Processes {

    private Processes() {
    }

    /**
     * Sends {@code signal} (TERM, INT, ...) to the process, waits up to {@code grace}, then kills it
     * and whatever it had started. Returns true if it ended within the grace period.
     */
    public static boolean stop(ProcessHandle process, String signal, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (!process.isAlive()) {
            return true;
        }
        if ("TERM".equals(signal)) {
            process.destroy();
        } else if (!signal(process.pid(), signal)) {
            process.destroy();
        }
        boolean graceful = awaitExit(process, grace);
        if (!graceful) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
        // children that outlived their parent (e.g. a wrapper script killed before its JVM)
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroy();
                if (!awaitExit(child, Duration.ofSeconds(graceful ? 15 : 2))) {
                    child.destroyForcibly();
                }
            }
        }
        return graceful;
    }

    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Sends a named signal with kill(1). */
    static boolean signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
