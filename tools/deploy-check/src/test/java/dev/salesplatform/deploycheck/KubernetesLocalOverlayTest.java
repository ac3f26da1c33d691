package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** deploy/k8s/overlays/local as kubectl kustomize renders it: one replica, in-cluster infrastructure, example Secrets. */
class KubernetesLocalOverlayTest extends KubernetesChecks {

    static final String OVERLAY = "deploy/k8s/overlays/local";

    @Override
    Kube load() {
        return Kube.rendered(OVERLAY);
    }

    @Override
    String unavailable() {
        return Tools.onPath("kubectl") ? null : "Assumptions: kubectl is not on PATH, so " + OVERLAY
                + " is not rendered here (the base is still checked from its files by KubernetesBaseTest)";
    }

    @Override
    Map<String, Set<String>> availableSecrets() {
        return kube().secrets();
    }

    @Override
    int replicas() {
        return 1;
    }

    @Override
    void assertDisruptionBudget(Map<String, Object> pdbSpec) {
        assertEquals(1, pdbSpec.get("maxUnavailable"), "one replica: a budget of minAvailable 1 would block node drains");
        assertNull(pdbSpec.get("minAvailable"));
    }

    @Override
    void assertJobReplication(int replicationFactor, int minInsyncReplicas) {
        assertEquals(List.of(1, 1), List.of(replicationFactor, minInsyncReplicas), "one broker in the local cluster");
    }

    @Test
    void putsEverythingInOneNamespace() {
        for (Map<String, Object> resource : kube().resources()) {
            if (!"Namespace".equals(resource.get("kind"))) {
                assertEquals("sales-platform", Yaml.string(resource, "metadata", "namespace"), Kube.name(resource));
            }
        }
    }

    @Test
    void runsTheInfrastructureUnderTheNamesTheServicesUse() {
        assertEquals(Map.of("name", "postgres", "port", 5432), servicePort("postgres"));
        assertEquals(Map.of("name", "kafka", "port", 9092), servicePort("kafka"));
        assertEquals(Map.of("name", "http", "port", 8080), servicePort("keycloak"));
        assertEquals(EnvChecks.POSTGRES, "postgres:" + servicePort("postgres").get("port"));
        assertEquals(EnvChecks.KAFKA, "kafka:" + servicePort("kafka").get("port"));
        assertEquals(EnvChecks.KEYCLOAK, "http://keycloak:" + servicePort("keycloak").get("port"));

        Map<String, Object> postgres = kube().get("StatefulSet", "postgres");
        Map<String, EnvValue> env = kube().environment(Kube.containers(postgres).getFirst());
        for (String database : PostgresInitTest.databasesOfScript()) {
            String service = ServiceConfig.SERVICES.stream()
                    .filter(s -> ServiceConfig.of(s).hasDatabase() && ServiceConfig.of(s).databaseName().equals(database))
                    .findFirst().orElseThrow();
            assertEquals(new EnvValue.SecretRef(service + "-db", "password"),
                    env.get(ComposeTest.passwordVariable(database)), "the role is created with the service's password");
        }
        String init = Yaml.maps(Kube.podSpec(postgres).get("volumes")).stream()
                .filter(v -> "init".equals(v.get("name"))).map(v -> Yaml.string(v, "configMap", "name"))
                .findFirst().orElseThrow();
        assertEquals(Repo.read(PostgresInitTest.SCRIPT),
                Yaml.strings(kube().get("ConfigMap", init).get("data")).get("init-databases.sh"));

        Map<String, Object> keycloak = kube().get("Deployment", "keycloak");
        Map<String, EnvValue> keycloakEnv = kube().environment(Kube.containers(keycloak).getFirst());
        String issuer = ((EnvValue.Literal) keycloakEnv.get("KC_HOSTNAME")).value() + "/realms/sales";
        for (String service : ServiceConfig.SERVICES) {
            assertEquals(new EnvValue.Literal(issuer), kube().environment(container(service)).get("QUARKUS_OIDC_TOKEN_ISSUER"));
        }
        assertEquals(new EnvValue.Literal("true"), keycloakEnv.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"));
    }

    private Map<String, Object> servicePort(String name) {
        Map<String, Object> port = Yaml.maps(Yaml.at(kube().get("Service", name), "spec", "ports")).getFirst();
        return Map.of("name", port.get("name"), "port", port.get("port"));
    }

    @Test
    void servesPlainHttpOnLocalhost() {
        Map<String, Object> ingress = kube().get("Ingress", "api-gateway");
        assertNull(Yaml.at(ingress, "spec", "tls"));
        assertEquals("localhost", Yaml.string(Yaml.maps(Yaml.at(ingress, "spec", "rules")).getFirst(), "host"));
    }
}
