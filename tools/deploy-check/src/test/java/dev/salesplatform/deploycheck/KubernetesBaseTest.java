package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** deploy/k8s/base as its files say, without kubectl: production defaults, no Secret of its own. */
class KubernetesBaseTest extends KubernetesChecks {

    static final String BASE = "deploy/k8s/base";

    @Override
    Kube load() {
        return Kube.direct(BASE);
    }

    @Override
    String unavailable() {
        return null;
    }

    /** The example Secrets of the local overlay: what any environment must provide under the same names. */
    @Override
    Map<String, Set<String>> availableSecrets() {
        return Kube.of(Yaml.loadAll(Repo.read(KubernetesLocalOverlayTest.OVERLAY + "/secrets.example.yaml"))).secrets();
    }

    @Override
    int replicas() {
        return 2;
    }

    @Override
    void assertDisruptionBudget(Map<String, Object> pdbSpec) {
        assertEquals(1, pdbSpec.get("minAvailable"));
    }

    @Override
    void assertJobReplication(int replicationFactor, int minInsyncReplicas) {
        assertEquals(List.of(3, 2), List.of(replicationFactor, minInsyncReplicas), "a three-broker cluster by default");
    }

    @Test
    void holdsNoSecret() {
        assertEquals(List.of(), kube().ofKind("Secret"), "Secrets come from the environment (overlay, secret store)");
    }

    @Test
    void terminatesTlsAtTheIngress() {
        Map<String, Object> ingress = kube().get("Ingress", "api-gateway");
        assertEquals(1, Yaml.list(Yaml.at(ingress, "spec", "tls")).size(), "the base Ingress serves HTTPS");
    }
}
