package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** docs/operations.md explains every variable the deployments set (the Kafka broker's own KAFKA_* aside). */
class OperationsGuideTest {

    static final String GUIDE = "docs/operations.md";

    @Test
    void namesEveryVariableComposeAndKubernetesSet() {
        Set<String> variables = new TreeSet<>();
        ComposeFile compose = ComposeFile.load();
        variables.addAll(compose.variables().keySet());
        for (String service : compose.services().keySet()) {
            if (!service.equals("kafka")) {
                variables.addAll(compose.environment(service).keySet());
            }
        }
        Kube base = Kube.direct(KubernetesBaseTest.BASE);
        for (String service : ServiceConfig.SERVICES) {
            for (var container : Kube.containers(base.get("Deployment", service))) {
                variables.addAll(base.environment(container).keySet());
            }
        }
        variables.addAll(base.environment(Kube.containers(base.get("Job", KubernetesChecks.TOPICS_JOB)).getFirst()).keySet());
        variables.addAll(Dockerfile.of(ServiceConfig.SERVICES.getFirst()).envNames());

        String guide = Repo.read(GUIDE);
        List<String> missing = variables.stream().filter(name -> !guide.contains("`" + name + "`")).toList();
        assertEquals(List.of(), missing, GUIDE + " does not explain these variables");
    }
}
