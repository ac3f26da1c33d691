package dev.salesplatform.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakTest {

    @TempDir
    Path dir;

    private Path zip(String top, Map<String, String> files) throws IOException {
        Path zip = dir.resolve(top + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(top + "/"));
            z.closeEntry();
            for (Map.Entry<String, String> file : files.entrySet()) {
                z.putNextEntry(new ZipEntry(top + "/" + file.getKey()));
                z.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void entriesLoseTheirTopDirectory() {
        Path home = dir.resolve("home");
        assertNull(Keycloak.stripTopDirectory(home, "keycloak-26.7.3/"));
        assertEquals(home.resolve("bin/kc.sh"), Keycloak.stripTopDirectory(home, "keycloak-26.7.3/bin/kc.sh"));
        assertThrows(IllegalStateException.class, () -> Keycloak.stripTopDirectory(home, "k/../../evil"));
    }

    @Test
    void unpacksOnceKeepsDataAndReplacesAnOtherDist() throws Exception {
        Path home = dir.resolve("keycloak");
        Path zip = zip("keycloak-1", Map.of("bin/kc.sh", "#!/bin/sh\n", "lib/old.jar", "old", "conf/keycloak.conf", ""));
        assertTrue(Keycloak.unpack(zip, home));
        assertTrue(Files.isExecutable(home.resolve("bin/kc.sh")));
        assertTrue(Files.exists(home.resolve("lib/old.jar")));
        Files.createDirectories(home.resolve("data/h2"));
        Files.writeString(home.resolve("data/h2/keycloakdb.mv.db"), "users");

        assertFalse(Keycloak.unpack(zip, home), "same dist: nothing to do");

        Path newer = zip("keycloak-2", Map.of("bin/kc.sh", "#!/bin/sh\n# v2\n", "lib/new.jar", "new"));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertTrue(Keycloak.unpack(newer, home));
        assertFalse(Files.exists(home.resolve("lib/old.jar")));
        assertTrue(Files.exists(home.resolve("lib/new.jar")));
        assertEquals("users", Files.readString(home.resolve("data/h2/keycloakdb.mv.db")));
    }

    @Test
    void realmFilesAreCopiedAndAChangedRealmResetsTheDevDatabase() throws Exception {
        Path realms = Files.createDirectories(dir.resolve("deploy/keycloak"));
        Path home = Files.createDirectories(dir.resolve("keycloak"));
        Files.writeString(realms.resolve("sales-realm.json"), "{\"realm\":\"sales\"}");
        Files.writeString(realms.resolve("notes.txt"), "not a realm");

        assertFalse(Keycloak.prepareImport(realms, home), "no database yet: nothing to reset");
        assertEquals("{\"realm\":\"sales\"}", Files.readString(home.resolve("data/import/sales-realm.json")));
        assertFalse(Files.exists(home.resolve("data/import/notes.txt")));

        Files.createDirectories(home.resolve("data/h2"));
        Files.writeString(home.resolve("data/h2/keycloakdb.mv.db"), "db");
        assertFalse(Keycloak.prepareImport(realms, home), "same realm: database kept");
        assertTrue(Files.exists(home.resolve("data/h2/keycloakdb.mv.db")));

        Files.writeString(realms.resolve("sales-realm.json"), "{\"realm\":\"sales\",\"enabled\":true}");
        assertTrue(Keycloak.prepareImport(realms, home), "changed realm: database reset");
        assertFalse(Files.exists(home.resolve("data/h2")));
        assertTrue(Files.readString(home.resolve("data/import/sales-realm.json")).contains("enabled"));
    }

    @Test
    void startDevCommandAndEnvironment() {
        Path home = dir.resolve("kc");
        List<String> command = Keycloak.command(home, "127.0.0.1", 8180, 9180);
        assertTrue(command.contains(home.resolve("bin/kc.sh").toString()));
        assertTrue(command.containsAll(List.of("start-dev", "--http-port=8180", "--http-management-port=9180", "--http-management-host=127.0.0.1",
                "--hostname=http://127.0.0.1:8180", "--import-realm", "--health-enabled=true")), command.toString());
        assertTrue(command.get(command.indexOf("start-dev") - 1).endsWith("kc.sh"));

        Map<String, String> env = new HashMap<>(Map.of("JAVA_OPTS_KC_HEAP", "-Xmx1g"));
        Keycloak.environment(env);
        assertEquals("admin", env.get("KC_BOOTSTRAP_ADMIN_USERNAME"));
        assertEquals("admin", env.get("KC_BOOTSTRAP_ADMIN_PASSWORD"));
        assertEquals(System.getProperty("java.home"), env.get("JAVA_HOME"));
        assertEquals("-Xmx1g", env.get("JAVA_OPTS_KC_HEAP"), "a caller's heap setting wins");
        assertTrue(Keycloak.commandMarker(home).endsWith("/kc/bin/"));
    }
}
