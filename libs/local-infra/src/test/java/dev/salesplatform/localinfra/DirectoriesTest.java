package dev.salesplatform.localinfra;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @TempDir
    Path dir;

    @Test
    void deletesATreeAndNothingOutsideItThroughASymlink() throws Exception {
        Path kept = Files.writeString(Files.createDirectories(dir.resolve("kept")).resolve("file"), "kept");
        Path tree = Files.createDirectories(dir.resolve("data/a/b"));
        Files.writeString(tree.resolve("c"), "c");
        Files.createSymbolicLink(dir.resolve("data/link"), kept.getParent());

        Directories.deleteRecursively(dir.resolve("data"));

        assertFalse(Files.exists(dir.resolve("data")));
        assertTrue(Files.exists(kept), "a symlink's target is not deleted");
    }

    @Test
    void aMissingPathIsNothingToDo() {
        assertDoesNotThrow(() -> Directories.deleteRecursively(dir.resolve("missing")));
    }
}
