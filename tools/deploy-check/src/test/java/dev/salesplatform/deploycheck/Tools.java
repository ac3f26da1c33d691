package dev.salesplatform.deploycheck;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** External programs (docker compose, kubectl, sh, psql): found on PATH, run with a deadline. */
final class Tools {

    record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** `docker compose` where the plugin answers, else `docker-compose`; empty if neither exists. */
    static Optional<List<String>> compose() {
        if (onPath("docker") && run(Repo.ROOT, Map.of(), List.of("docker", "compose", "version"), Duration.ofSeconds(30))
                .exitCode() == 0) {
            return Optional.of(List.of("docker", "compose"));
        }
        return onPath("docker-compose") ? Optional.of(List.of("docker-compose")) : Optional.empty();
    }

    /** Runs a command in dir with extra environment variables; its stdout and stderr together. */
    static Result run(Path dir, Map<String, String> env, List<String> command, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), output.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    static List<String> command(List<String> prefix, String... rest) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(rest));
        return command;
    }
}
