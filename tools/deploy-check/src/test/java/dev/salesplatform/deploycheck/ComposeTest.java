package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** docker-compose.yml against the services' configuration and the scripts of deploy/. */
class ComposeTest {

    static final List<String> SERVICES = ServiceConfig.SERVICES;
    static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "keycloak", "topic-init");

    private static ComposeFile compose;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load();
    }

    @Test
    void holdsEveryServiceAndTheInfrastructureAndNothingElse() {
        Set<String> expected = new TreeSet<>(SERVICES);
        expected.addAll(INFRASTRUCTURE);
        assertEquals(expected, new TreeSet<>(compose.services().keySet()));
    }

    @Test
    void startsWithoutAnyVariableSet() {
        assertEquals(List.of(), compose.variablesWithoutDefault(), "variables without a default");
    }

    @Test
    void usesTheVersionsTheBuildRuns() {
        assertEquals("postgres:17", image("postgres"));
        assertEquals("apache/kafka:" + Repo.pomProperty("kafka.broker.version"), image("kafka"));
        assertEquals(image("kafka"), image("topic-init"));
        assertEquals("quay.io/keycloak/keycloak:" + Repo.pomProperty("keycloak.version"), image("keycloak"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void buildsTheServiceFromItsDockerfileWithItsPorts(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, Object> build = Yaml.map(compose.service(service).get("build"));
        assertEquals("./" + service, build.get("context"));
        assertEquals(Dockerfile.PATH, build.get("dockerfile"));
        Map<String, String> args = Yaml.strings(build.get("args"));
        assertEquals(String.valueOf(config.httpPort()), args.get("API_PORT"), "API_PORT of " + service);
        assertEquals(String.valueOf(config.managementPort()), args.get("MANAGEMENT_PORT"), "MANAGEMENT_PORT of " + service);
        assertEquals(javaBaseImage(), args.get("JAVA_BASE_IMAGE"), "every image on the same JDK base");
        assertEquals("sales-platform/" + service, image(service).replaceFirst(":[^:/]+$", ""));
    }

    /** The JDK base of all images (x-java-base-image), a JDK 21 or later. */
    static String javaBaseImage() {
        String image = Yaml.string(compose.root(), "x-java-base-image");
        assertNotNull(image, "docker-compose.yml names the JDK base image in x-java-base-image");
        Matcher version = Pattern.compile("^eclipse-temurin:(\\d+)").matcher(image);
        assertTrue(version.find() && Integer.parseInt(version.group(1)) >= 21, image + " is no Temurin JDK 21+");
        return image;
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void checksReadinessOnTheManagementPort(String service) {
        int port = ServiceConfig.of(service).managementPort();
        String test = compose.healthcheck(service);
        assertNotNull(test, service + " has no healthcheck");
        assertEquals("curl -fsS -o /dev/null http://127.0.0.1:" + port + "/q/health/ready", test);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void setsEverySettingTheServiceNeedsByEnvironment(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, EnvValue> env = new LinkedHashMap<>();
        compose.environment(service).forEach((name, value) -> env.put(name, new EnvValue.Literal(value)));
        Map<String, String> postgres = compose.environment("postgres");
        List<String> problems = EnvChecks.problems(config, env, Dockerfile.of(service).envNames(), password -> {
            String expected = postgres.get(passwordVariable(config.databaseName()));
            return password instanceof EnvValue.Literal literal && literal.value().equals(expected)
                    ? null
                    : "is not the password postgres creates the role with (" + passwordVariable(config.databaseName()) + ")";
        });
        assertEquals(List.of(), problems);
    }

    static String passwordVariable(String database) {
        return database.toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void expectsTheTopicsAsTopicInitCreatesThem(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, String> env = compose.environment(service);
        Map<String, String> topicInit = compose.environment("topic-init");
        for (String setting : List.of("KAFKA_TOPIC_REPLICATION_FACTOR", "KAFKA_TOPIC_MIN_INSYNC_REPLICAS")) {
            if (config.knownEnvNames().contains(setting)) {
                assertEquals(topicInit.get(setting), env.get(setting), service + "'s " + setting);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void startsOnceWhatItNeedsIsReady(String service) {
        Map<String, String> dependsOn = compose.dependsOn(service);
        assertEquals("service_healthy", dependsOn.get("keycloak"), service + " waits for Keycloak");
        ServiceConfig config = ServiceConfig.of(service);
        if (config.hasDatabase()) {
            assertEquals("service_healthy", dependsOn.get("postgres"), service + " waits for PostgreSQL");
        }
        if (config.usesKafka()) {
            assertEquals("service_completed_successfully", dependsOn.get("topic-init"), service + " waits for its topics");
        }
    }

    @Test
    void everyHealthyConditionHasAHealthcheck() {
        for (String service : compose.services().keySet()) {
            compose.dependsOn(service).forEach((dependency, condition) -> {
                if (condition.equals("service_healthy")) {
                    assertNotNull(compose.healthcheck(dependency), service + " waits for " + dependency
                            + " to be healthy, which has no healthcheck");
                }
            });
        }
        assertEquals("service_healthy", compose.dependsOn("topic-init").get("kafka"));
    }

    @Test
    void keepsTheDataOfPostgresKafkaAndKeycloakInNamedVolumes() {
        Set<String> declared = Yaml.map(compose.root().get("volumes")).keySet();
        Set<String> used = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (String service : compose.services().keySet()) {
            for (String[] volume : compose.volumes(service)) {
                String source = volume[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    if (!Files.exists(Repo.path(source))) {
                        problems.add(service + " mounts " + source + ", which does not exist");
                    }
                } else if (declared.contains(source)) {
                    used.add(source);
                } else {
                    problems.add(service + " uses the undeclared volume " + source);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(declared, used, "every declared volume is used");
        assertTrue(mounts("postgres", "/var/lib/postgresql/data"), "postgres keeps its data directory");
        assertTrue(mounts("kafka", compose.environment("kafka").get("KAFKA_LOG_DIRS")), "kafka keeps its log dirs");
        assertTrue(mounts("keycloak", "/opt/keycloak/data"), "keycloak keeps its dev database");
    }

    private static boolean mounts(String service, String target) {
        return compose.volumes(service).stream()
                .anyMatch(v -> v[1].equals(target) && !v[0].startsWith(".") && !v[0].startsWith("/"));
    }

    @Test
    void createsEachServicesDatabaseWithTheInitScript() {
        assertTrue(compose.volumes("postgres").stream().anyMatch(v -> v[0].equals("./" + PostgresInitTest.SCRIPT)
                && v[1].startsWith("/docker-entrypoint-initdb.d/")), "postgres runs " + PostgresInitTest.SCRIPT);
        Map<String, String> env = compose.environment("postgres");
        for (String database : PostgresInitTest.databasesOfScript()) {
            assertTrue(env.containsKey(passwordVariable(database)), "postgres gets " + passwordVariable(database));
        }
    }

    @Test
    void createsTheTopicsWithTheScriptBeforeAnyService() {
        Map<String, Object> topicInit = compose.service("topic-init");
        assertEquals(List.of("/bin/sh", "/opt/sales-topics/create-topics.sh", "/opt/sales-topics/topics.conf"),
                topicInit.get("entrypoint"));
        assertTrue(compose.volumes("topic-init").stream()
                .anyMatch(v -> v[0].equals("./deploy/kafka") && v[1].equals("/opt/sales-topics")));
        assertEquals("no", topicInit.get("restart"));
        Map<String, String> env = compose.environment("topic-init");
        assertEquals(EnvChecks.KAFKA, env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertTrue(Integer.parseInt(env.get("KAFKA_TOPIC_MIN_INSYNC_REPLICAS"))
                <= Integer.parseInt(env.get("KAFKA_TOPIC_REPLICATION_FACTOR")));
    }

    @Test
    void runsKafkaAsTheServicesReachIt() {
        Map<String, String> env = compose.environment("kafka");
        assertEquals("PLAINTEXT://" + EnvChecks.KAFKA, env.get("KAFKA_ADVERTISED_LISTENERS"));
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        assertEquals("false", env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"), "topics are provisioned, not assumed");
    }

    @Test
    void issuesTokensForTheUrlTheServicesAccept() {
        Map<String, Object> keycloak = compose.service("keycloak");
        assertEquals(List.of("start-dev", "--import-realm"), keycloak.get("command"));
        assertTrue(compose.volumes("keycloak").stream().anyMatch(v -> v[0].equals("./deploy/keycloak/sales-realm.json")
                && v[1].equals("/opt/keycloak/data/import/sales-realm.json")), "the realm is imported");
        Map<String, String> env = compose.environment("keycloak");
        assertEquals("true", env.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"), "keys are fetched inside the network");
        assertEquals("true", env.get("KC_HEALTH_ENABLED"));
        assertTrue(compose.healthcheck("keycloak").contains("/dev/tcp/127.0.0.1/9000"), "health on the management port");
        String issuer = env.get("KC_HOSTNAME") + "/realms/sales";
        for (String service : SERVICES) {
            assertEquals(issuer, compose.environment(service).get("QUARKUS_OIDC_TOKEN_ISSUER"), service);
        }
        List<Object> ports = Yaml.list(keycloak.get("ports"));
        assertTrue(ports.stream().anyMatch(p -> p.toString().endsWith(":" + URI.create(issuer).getPort() + ":8080")),
                "Keycloak is published where its issuer says");
    }

    @Test
    void publishesOnlyTheGatewayAndKeycloakOnLoopback() {
        for (String service : compose.services().keySet()) {
            for (Object port : Yaml.list(compose.service(service).get("ports"))) {
                assertTrue(port.toString().startsWith("127.0.0.1:"), service + " publishes " + port + " beyond this machine");
                assertTrue(Set.of("api-gateway", "keycloak").contains(service), service + " is published");
            }
        }
        assertTrue(Yaml.list(compose.service("api-gateway").get("ports"))
                .contains("127.0.0.1:" + ServiceConfig.of("api-gateway").httpPort() + ":" + ServiceConfig.of("api-gateway").httpPort()));
    }

    private static String image(String service) {
        return String.valueOf(compose.service(service).get("image"));
    }
}
