package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What the Kubernetes manifests must hold for each service, checked on the base as its files say
 * ({@link KubernetesBaseTest}, no tool needed) and on the local overlay as kubectl renders it
 * ({@link KubernetesLocalOverlayTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KubernetesChecks {

    static final List<String> SERVICES = ServiceConfig.SERVICES;
    static final String TOPICS_JOB = "kafka-topics";

    private Kube kube;

    /** The resources to check. */
    abstract Kube load();

    /** Why this rendering cannot be made here (an Assumptions message naming the missing tool), or null. */
    abstract String unavailable();

    /** The Secrets the services' references must find. */
    abstract Map<String, Set<String>> availableSecrets();

    /** Replicas a Deployment starts with here. */
    abstract int replicas();

    @BeforeAll
    void render() {
        if (unavailable() == null) {
            kube = load();
        }
    }

    @BeforeEach
    void requireTheTools() {
        assumeTrue(unavailable() == null, unavailable());
    }

    Kube kube() {
        return kube;
    }

    @Test
    void holdsADeploymentServiceBudgetAndAutoscalerPerServiceAndNoOtherPlatformImage() {
        for (String service : SERVICES) {
            kube.get("Deployment", service);
            kube.get("Service", service);
            kube.get("PodDisruptionBudget", service);
            kube.get("HorizontalPodAutoscaler", service);
        }
        Set<String> platformImages = new TreeSet<>();
        for (Map<String, Object> deployment : kube.ofKind("Deployment")) {
            for (Map<String, Object> container : Kube.containers(deployment)) {
                String image = String.valueOf(container.get("image"));
                if (image.startsWith("sales-platform/")) {
                    platformImages.add(Kube.name(deployment));
                    assertEquals("sales-platform/" + Kube.name(deployment), image.replaceFirst(":[^:/]+$", ""));
                }
            }
        }
        assertEquals(new TreeSet<>(SERVICES), platformImages);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void servesTheApiAndManagementPortsOfTheProperties(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, Object> container = container(service);
        assertEquals(List.of(Map.of("name", "http", "containerPort", config.httpPort()),
                Map.of("name", "management", "containerPort", config.managementPort())), container.get("ports"));
        Map<String, Object> svc = kube.get("Service", service);
        List<Map<String, Object>> ports = Yaml.maps(Yaml.at(svc, "spec", "ports"));
        assertEquals(List.of(
                Map.of("name", "http", "port", config.httpPort(), "targetPort", "http"),
                Map.of("name", "management", "port", config.managementPort(), "targetPort", "management")),
                ports.stream().map(p -> Map.of("name", p.get("name"), "port", p.get("port"), "targetPort", p.get("targetPort")))
                        .toList());
        assertEquals(Map.of("app.kubernetes.io/name", service), Yaml.at(svc, "spec", "selector"));
        Map<String, String> annotations = Yaml.strings(Yaml.at(svc, "metadata", "annotations"));
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(String.valueOf(config.managementPort()), annotations.get("prometheus.io/port"),
                "Prometheus scrapes the management port");
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void probesHealthOnTheManagementPort(String service) {
        Map<String, Object> container = container(service);
        assertProbe(container, "startupProbe", "/q/health/started");
        assertProbe(container, "readinessProbe", "/q/health/ready");
        assertProbe(container, "livenessProbe", "/q/health/live");
    }

    private static void assertProbe(Map<String, Object> container, String probe, String path) {
        Map<String, Object> httpGet = Yaml.map(Yaml.at(container, probe, "httpGet"));
        assertEquals(path, httpGet.get("path"), probe);
        assertEquals("management", httpGet.get("port"), probe + " on the management port");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void drainsBeforeItIsKilled(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, Object> deployment = kube.get("Deployment", service);
        List<Object> preStop = Yaml.list(Yaml.at(container(service), "lifecycle", "preStop", "exec", "command"));
        assertEquals("sleep", preStop.getFirst(), "preStop waits for the endpoints to drop the pod");
        long sleep = Long.parseLong(preStop.get(1).toString());
        Object grace = Kube.podSpec(deployment).get("terminationGracePeriodSeconds");
        assertNotNull(grace, service + " sets no terminationGracePeriodSeconds");
        long needed = sleep + config.shutdownTimeout().toSeconds();
        assertTrue(((Number) grace).longValue() > needed, service + ": terminationGracePeriodSeconds " + grace
                + " leaves no time beyond preStop (" + sleep + " s) and quarkus.shutdown.timeout ("
                + config.shutdownTimeout().toSeconds() + " s)");
        assertEquals(0, ((Number) Yaml.at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")).intValue(),
                "a rollout never takes a serving pod away first");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void runsAsTheImagesUserOnAReadOnlyRootFileSystem(String service) {
        Map<String, Object> pod = Kube.podSpec(kube.get("Deployment", service));
        assertEquals(Boolean.TRUE, Yaml.at(pod, "securityContext", "runAsNonRoot"));
        assertEquals(DockerfileTest.runAsUser(), Yaml.at(pod, "securityContext", "runAsUser"));
        assertEquals(DockerfileTest.runAsGroup(), Yaml.at(pod, "securityContext", "runAsGroup"));
        Map<String, Object> container = container(service);
        assertEquals(Boolean.TRUE, Yaml.at(container, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(Boolean.FALSE, Yaml.at(container, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), Yaml.at(container, "securityContext", "capabilities", "drop"));
        String tmpVolume = Yaml.maps(container.get("volumeMounts")).stream()
                .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> m.get("name").toString()).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no writable /tmp"));
        assertTrue(Yaml.maps(pod.get("volumes")).stream()
                .anyMatch(v -> tmpVolume.equals(v.get("name")) && v.containsKey("emptyDir")), "/tmp is an emptyDir");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void requestsAndLimitsItsResources(String service) {
        Map<String, Object> resources = Yaml.map(container(service).get("resources"));
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(Yaml.at(resources, kind, resource), service + " sets no " + kind + "." + resource);
            }
        }
        assertEquals(Yaml.at(resources, "requests", "memory"), Yaml.at(resources, "limits", "memory"),
                "memory requested is memory allowed: the heap is a share of the limit");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void scalesOnCpuAndKeepsOneInstanceThroughDisruptions(String service) {
        Map<String, Object> deployment = kube.get("Deployment", service);
        assertEquals(replicas(), Yaml.at(deployment, "spec", "replicas"));
        Map<String, Object> hpa = kube.get("HorizontalPodAutoscaler", service);
        assertEquals("autoscaling/v2", hpa.get("apiVersion"));
        assertEquals(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", service),
                Yaml.at(hpa, "spec", "scaleTargetRef"));
        int min = ((Number) Yaml.at(hpa, "spec", "minReplicas")).intValue();
        int max = ((Number) Yaml.at(hpa, "spec", "maxReplicas")).intValue();
        assertEquals(replicas(), min, "the autoscaler starts where the Deployment does");
        assertTrue(max > min);
        Map<String, Object> metric = Yaml.maps(Yaml.at(hpa, "spec", "metrics")).getFirst();
        assertEquals("cpu", Yaml.at(metric, "resource", "name"));
        assertEquals("Utilization", Yaml.at(metric, "resource", "target", "type"));
        Map<String, Object> pdb = kube.get("PodDisruptionBudget", service);
        assertEquals(Map.of("app.kubernetes.io/name", service), Yaml.at(pdb, "spec", "selector", "matchLabels"));
        assertDisruptionBudget(Yaml.map(pdb.get("spec")));
    }

    /** The budget of this rendering: minAvailable 1 where there are two replicas. */
    abstract void assertDisruptionBudget(Map<String, Object> pdbSpec);

    @ParameterizedTest
    @FieldSource("SERVICES")
    void setsEverySettingTheServiceNeedsByEnvironment(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, EnvValue> env = kube.environment(container(service));
        List<String> problems = EnvChecks.problems(config, env, Dockerfile.of(service).envNames(),
                password -> password.equals(new EnvValue.SecretRef(service + "-db", "password"))
                        ? null
                        : "should come from the Secret " + service + "-db (key password), not " + password);
        assertEquals(List.of(), problems);
        List<String> plainPasswords = new ArrayList<>();
        env.forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                if (!(value instanceof EnvValue.SecretRef)) {
                    plainPasswords.add(name);
                }
            }
        });
        assertEquals(List.of(), plainPasswords, "secrets in plain ConfigMaps or values");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void expectsTheTopicsAsTheJobCreatesThem(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, EnvValue> env = kube.environment(container(service));
        Map<String, EnvValue> job = kube.environment(Kube.containers(kube.get("Job", TOPICS_JOB)).getFirst());
        if (config.usesKafka()) {
            assertEquals(job.get("KAFKA_BOOTSTRAP_SERVERS"), env.get("KAFKA_BOOTSTRAP_SERVERS"));
        }
        for (String setting : List.of("KAFKA_TOPIC_REPLICATION_FACTOR", "KAFKA_TOPIC_MIN_INSYNC_REPLICAS")) {
            if (config.knownEnvNames().contains(setting)) {
                assertEquals(job.get(setting), env.get(setting), service + "'s " + setting);
            }
        }
    }

    @Test
    void createsTheTopicsWithTheScriptOfDeployKafka() {
        Map<String, Object> job = kube.get("Job", TOPICS_JOB);
        Map<String, Object> container = Kube.containers(job).getFirst();
        assertEquals("apache/kafka:" + Repo.pomProperty("kafka.broker.version"), container.get("image"));
        String mountPath = Yaml.maps(container.get("volumeMounts")).stream()
                .filter(m -> "definition".equals(m.get("name"))).map(m -> m.get("mountPath").toString())
                .findFirst().orElseThrow();
        assertEquals(List.of("/bin/sh", mountPath + "/create-topics.sh", mountPath + "/topics.conf"), container.get("command"));
        String configMap = Yaml.maps(Kube.podSpec(job).get("volumes")).stream()
                .filter(v -> "definition".equals(v.get("name"))).map(v -> Yaml.string(v, "configMap", "name"))
                .findFirst().orElseThrow();
        Map<String, String> data = Yaml.strings(kube.get("ConfigMap", configMap).get("data"));
        assertEquals(Repo.read("deploy/kafka/topics.conf"), data.get("topics.conf"));
        assertEquals(Repo.read("deploy/kafka/create-topics.sh"), data.get("create-topics.sh"));
        Map<String, EnvValue> env = kube.environment(container);
        assertEquals(new EnvValue.Literal(EnvChecks.KAFKA), env.get("KAFKA_BOOTSTRAP_SERVERS"));
        int replication = Integer.parseInt(((EnvValue.Literal) env.get("KAFKA_TOPIC_REPLICATION_FACTOR")).value());
        int minInsync = Integer.parseInt(((EnvValue.Literal) env.get("KAFKA_TOPIC_MIN_INSYNC_REPLICAS")).value());
        assertTrue(minInsync <= replication && minInsync >= 1);
        assertJobReplication(replication, minInsync);
    }

    /** What this rendering's cluster has: three brokers in the base, one in the local overlay. */
    abstract void assertJobReplication(int replicationFactor, int minInsyncReplicas);

    @Test
    void letsTrafficInOnlyToTheGatewaysApi() {
        List<Map<String, Object>> ingresses = kube.ofKind("Ingress");
        assertEquals(1, ingresses.size());
        List<Map<String, Object>> backends = new ArrayList<>();
        for (Map<String, Object> rule : Yaml.maps(Yaml.at(ingresses.getFirst(), "spec", "rules"))) {
            for (Map<String, Object> path : Yaml.maps(Yaml.at(rule, "http", "paths"))) {
                backends.add(Yaml.map(Yaml.at(path, "backend", "service")));
            }
        }
        assertFalse(backends.isEmpty());
        for (Map<String, Object> backend : backends) {
            assertEquals(Map.of("name", "api-gateway", "port", Map.of("name", "http")), backend);
        }
    }

    @Test
    void findsEverySecretItReferences() {
        Map<String, Set<String>> secrets = availableSecrets();
        List<String> missing = new ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
            for (Map<String, Object> workload : kube.ofKind(kind)) {
                for (String[] reference : Kube.secretReferences(workload)) {
                    Set<String> keys = secrets.get(reference[0]);
                    if (keys == null || (reference[1] != null && !keys.contains(reference[1]))) {
                        missing.add(kind + " " + Kube.name(workload) + " -> " + reference[0]
                                + (reference[1] == null ? "" : "/" + reference[1]));
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "references to Secrets that do not exist");
    }

    Map<String, Object> container(String service) {
        List<Map<String, Object>> containers = Kube.containers(kube.get("Deployment", service));
        assertEquals(1, containers.size());
        assertEquals(service, containers.getFirst().get("name"));
        return containers.getFirst();
    }
}
