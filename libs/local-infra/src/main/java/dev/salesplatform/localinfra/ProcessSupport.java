package dev.salesplatform.localinfra;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What launching a child process needs: the running JDK, the classes it runs, setsid(1). */
public final class ProcessSupport {

    private ProcessSupport() {
    }

    /** The java binary of the running JVM: child JVMs run on the same JDK (21+). */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The jar (or classes directory) {@code type} was loaded from, for child JVMs that run its classes. */
    public static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The setsid(1) binary, which starts a process in a session of its own, if this system has one. */
    public static Optional<String> setsid() {
        for (String candidate : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The home of the running JDK, for children that want a JAVA_HOME. */
    public static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
