package dev.salesplatform.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its distribution zip: unpacked once into a home directory (its H2 database under
 * data/ is kept), realm files imported at start.
 */
public final class Keycloak {

    private static final String DIST_MARKER = ".devstack-dist";
    private static final String REALM_MARKER = ".devstack-realm-sha256";

    private Keycloak() {
    }

    /**
     * Unpacks the dist zip into {@code home} unless the same zip is already unpacked there; a
     * different zip replaces everything but {@code data/}. Returns true if it unpacked.
     */
    public static boolean unpack(Path distZip, Path home) throws IOException {
        String id = distZip.getFileName() + " " + Files.size(distZip) + " " + Files.getLastModifiedTime(distZip).toMillis();
        Path marker = home.resolve(DIST_MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(id)
                && Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return false;
        }
        Files.createDirectories(home);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(home)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals("data")) {
                    Directories.deleteRecursively(entry);
                }
            }
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distZip))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path target = stripTopDirectory(home, entry.getName());
                if (target == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.getParent().getFileName().toString().equals("bin") && target.toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.writeString(marker, id);
        return true;
    }

    /** Where a zip entry "keycloak-x.y.z/a/b" goes: home/a/b; null for the top directory itself. */
    static Path stripTopDirectory(Path home, String entryName) {
        int slash = entryName.indexOf('/');
        if (slash < 0 || slash == entryName.length() - 1) {
            return null;
        }
        Path target = home.resolve(entryName.substring(slash + 1)).normalize();
        if (!target.startsWith(home.normalize())) {
            throw new IllegalStateException("zip entry outside the target directory: " + entryName);
        }
        return target;
    }

    /**
     * Copies the realm files into data/import. When they differ from the ones imported last time,
     * the dev database is reset so that Keycloak imports them afresh (an existing realm is never
     * overwritten by --import-realm). Returns true if it reset the database.
     */
    public static boolean prepareImport(Path realmDir, Path home) throws IOException {
        List<Path> realmFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(realmDir, "*.json")) {
            files.forEach(realmFiles::add);
        }
        realmFiles.sort(null);
        if (realmFiles.isEmpty()) {
            throw new IllegalStateException("no realm file (*.json) in " + realmDir);
        }
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir, "*.json")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        for (Path file : realmFiles) {
            Files.copy(file, importDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        String sha = sha256(realmFiles);
        Path marker = home.resolve(REALM_MARKER);
        boolean reset = false;
        Path h2 = home.resolve("data/h2");
        if (Files.exists(h2) && !(Files.isRegularFile(marker) && Files.readString(marker).trim().equals(sha))) {
            Directories.deleteRecursively(h2);
            reset = true;
        }
        Files.writeString(marker, sha);
        return reset;
    }

    /**
     * The kc.sh start-dev command line, in a session of its own, serving HTTP on {@code host:httpPort}
     * and health on {@code host:managementPort}.
     */
    public static List<String> command(Path home, String host, int httpPort, int managementPort) {
        List<String> command = new ArrayList<>();
        ProcessSupport.setsid().ifPresent(command::add);
        command.addAll(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                // start-dev binds HTTP to localhost already; the management interface would take all interfaces
                "--http-management-host=" + host,
                "--hostname=http://" + host + ":" + httpPort,
                "--import-realm",
                "--health-enabled=true"));
        return command;
    }

    /** The environment on top of the caller's: this JVM's JDK, the bootstrap admin, a bounded heap. */
    public static void environment(Map<String, String> env) {
        env.put("JAVA_HOME", ProcessSupport.javaHome().toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // kc.sh otherwise sizes the heap at 50-70 % of the machine's memory
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    }

    /** What the command line of our Keycloak (kc.sh, and the JVM it may exec) contains. */
    public static String commandMarker(Path home) {
        return home.toAbsolutePath().resolve("bin").toString() + "/";
    }

    private static String sha256(List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(file.getFileName().toString().getBytes());
                try (InputStream in = Files.newInputStream(file)) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
