package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tools' own validation, where they exist: `docker compose config` (or docker-compose) and
 * `kubectl kustomize`. ./platform test installs both on a fresh root machine with apt; elsewhere these
 * are skipped, saying which tool is missing, and the files are still checked by the other tests.
 */
class ToolsTest {

    @Test
    void composeAcceptsTheFile() {
        Optional<List<String>> compose = Tools.compose();
        assumeTrue(compose.isPresent(), "Assumptions: neither `docker compose` nor docker-compose is on PATH, so "
                + ComposeFile.PATH + " is not validated by compose itself here (apt-get install docker-compose)");
        Tools.Result result = Tools.run(Repo.ROOT, Map.of(),
                Tools.command(compose.get(), "-f", ComposeFile.PATH, "config", "-q"), Duration.ofMinutes(1));
        assertEquals(0, result.exitCode(), String.join(" ", compose.get()) + " config -q:\n" + result.output());
        assertEquals("", result.output().strip(), "compose warns");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/k8s/overlays/local", "deploy/k8s/base", "deploy/kafka", "deploy/postgres", "deploy/keycloak"})
    void kustomizeRendersTheKustomization(String dir) {
        assumeTrue(Tools.onPath("kubectl"), "Assumptions: kubectl is not on PATH, so " + dir
                + " is not rendered by kustomize here (the files are still read directly)");
        Tools.Result result = Tools.run(Repo.ROOT, Map.of(), List.of("kubectl", "kustomize", dir), Duration.ofMinutes(2));
        assertEquals(0, result.exitCode(), "kubectl kustomize " + dir + ":\n" + result.output());
    }
}
