package dev.salesplatform.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Progress output of the supervisor: to the terminal (foreground) and always to
 * .platform/logs/devstack.log, which `up -d` and `down` follow to show the same lines.
 */
public final class Console {

    private final PrintStream out;
    private final Path file;

    public Console(PrintStream out, Path file) {
        this.out = out;
        this.file = file;
    }

    public synchronized void line(String text) {
        if (out != null) {
            out.println(text);
            out.flush();
        }
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // the terminal still has it
            }
        }
    }

    public void step(String component, String text) {
        line(String.format("  %-26s %s", component, text));
    }
}
