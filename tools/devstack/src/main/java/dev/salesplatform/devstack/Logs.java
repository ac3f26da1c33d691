package dev.salesplatform.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading logs: the last lines of a file, and following a file as it grows. */
public final class Logs {

    private Logs() {
    }

    /** The last {@code lines} lines of {@code file} (reads at most its last 256 KiB); "" if none. */
    public static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 256 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>(text.lines().toList());
            if (from > 0 && !all.isEmpty()) {
                all.removeFirst();
            }
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Follows a file from an offset: each {@link #poll()} returns the complete lines added since. */
    public static final class Follower {
        private final Path file;
        private long offset;

        public Follower(Path file, long offset) {
            this.file = file;
            this.offset = offset;
        }

        /** Starts at the current end of the file. */
        public static Follower fromEnd(Path file) {
            try {
                return new Follower(file, Files.isRegularFile(file) ? Files.size(file) : 0);
            } catch (IOException e) {
                return new Follower(file, 0);
            }
        }

        public List<String> poll() {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                if (length < offset) {
                    offset = 0; // rotated or truncated
                }
                if (length == offset) {
                    return List.of();
                }
                byte[] bytes = new byte[(int) Math.min(length - offset, 4 * 1024 * 1024)];
                raf.seek(offset);
                raf.readFully(bytes);
                int end = lastNewline(bytes);
                if (end < 0) {
                    return List.of();
                }
                offset += end + 1;
                return List.of(new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n", -1));
            } catch (IOException e) {
                return List.of();
            }
        }

        private static int lastNewline(byte[] bytes) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
