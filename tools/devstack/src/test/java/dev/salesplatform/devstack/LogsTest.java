package dev.salesplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {

    @TempDir
    Path dir;

    @Test
    void tailGivesTheLastLines() throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n");
        assertEquals("line 98\nline 99\nline 100", Logs.tail(log, 3));
        assertEquals("", Logs.tail(dir.resolve("missing.log"), 3));
    }

    @Test
    void followerReturnsCompleteLinesOnly() throws Exception {
        Path log = dir.resolve("f.log");
        Logs.Follower follower = Logs.Follower.fromEnd(log);
        assertEquals(List.of(), follower.poll());
        Files.writeString(log, "one\n\ntw", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertEquals(List.of("one", ""), follower.poll());
        Files.writeString(log, "o\nthree\n", StandardOpenOption.APPEND);
        assertEquals(List.of("two", "three"), follower.poll());
        assertEquals(List.of(), follower.poll());
    }

    @Test
    void followerStartsOverWhenTheFileIsReplaced() throws Exception {
        Path log = dir.resolve("r.log");
        Files.writeString(log, "old old old old\n");
        Logs.Follower follower = Logs.Follower.fromEnd(log);
        Files.writeString(log, "new\n");
        assertEquals(List.of("new"), follower.poll());
    }
}
