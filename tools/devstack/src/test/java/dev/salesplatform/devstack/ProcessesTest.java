package dev.salesplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void terminatesGracefully() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        assertTrue(Processes.stop(sleeper.toHandle(), "TERM", Duration.ofSeconds(10)));
        assertFalse(sleeper.isAlive());
    }

    @Test
    void sendsOtherSignals() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        // USR1, not INT or HUP: a test run started in the background (or under nohup) passes those on
        // ignored, and sleep would not end.
        assertTrue(Processes.stop(sleeper.toHandle(), "USR1", Duration.ofSeconds(10)));
        assertFalse(sleeper.isAlive());
    }

    @Test
    void killsWhatIgnoresTheSignalAndItsChildren() throws Exception {
        Process stubborn = new ProcessBuilder("bash", "-c", "trap '' TERM; sleep 60 & echo ready; wait; sleep 60").start();
        // bash says when its trap is installed and its child started
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(stubborn.getInputStream()))) {
            assertEquals("ready", out.readLine());
        }
        List<ProcessHandle> children = stubborn.toHandle().descendants().toList();
        assertFalse(Processes.stop(stubborn.toHandle(), "TERM", Duration.ofSeconds(1)));
        assertFalse(stubborn.isAlive());
        for (ProcessHandle child : children) {
            assertTrue(Processes.awaitExit(child, Duration.ofSeconds(5)), "child " + child.pid() + " still alive");
        }
    }
}
