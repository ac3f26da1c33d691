package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of {@link EnvChecks} on a small made-up service, so that each can be seen to fail. */
class EnvChecksTest {

    private static final ServiceConfig CONFIG = ServiceConfig.of("probe-service", Map.of(
            "quarkus.http.host", "127.0.0.1",
            "quarkus.management.host", "127.0.0.1",
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:15432/probe",
            "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:15432/probe",
            "quarkus.datasource.username", "postgres",
            "quarkus.datasource.password", "postgres",
            "quarkus.oidc.auth-server-url", "http://127.0.0.1:8180/realms/sales",
            "kafka.bootstrap.servers", "127.0.0.1:9092",
            "salesplatform.topics.replication-factor", "${KAFKA_TOPIC_REPLICATION_FACTOR:1}",
            "%test.salesplatform.probe.interval", "1s"));

    private static Map<String, EnvValue> complete() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", literal("0.0.0.0"));
        env.put("QUARKUS_MANAGEMENT_HOST", literal("0.0.0.0"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", literal("jdbc:postgresql://postgres:5432/probe"));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", literal("postgresql://postgres:5432/probe"));
        env.put("QUARKUS_DATASOURCE_USERNAME", literal("probe"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", new EnvValue.SecretRef("probe-db", "password"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", literal("http://keycloak:8080/realms/sales"));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", literal("http://localhost:8180/realms/sales"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", literal("kafka:9092"));
        return env;
    }

    private static EnvValue literal(String value) {
        return new EnvValue.Literal(value);
    }

    private static List<String> problems(Map<String, EnvValue> env) {
        return EnvChecks.problems(CONFIG, env, Set.of("JAVA_OPTS_APPEND"), password -> null);
    }

    @ParameterizedTest
    @CsvSource({
            "quarkus.datasource.reactive.url, QUARKUS_DATASOURCE_REACTIVE_URL",
            "kafka.bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS",
            "gateway.upstreams.customer-success.url, GATEWAY_UPSTREAMS_CUSTOMER_SUCCESS_URL",
            "quarkus.log.category.\"io.quarkus.oidc\".level, QUARKUS_LOG_CATEGORY__IO_QUARKUS_OIDC__LEVEL",
    })
    void mapsKeysToVariablesAsSmallRyeConfigDoes(String key, String variable) {
        assertEquals(variable, ServiceConfig.envName(key));
    }

    @Test
    void acceptsAnEnvironmentThatSetsWhatTheServiceNeeds() {
        Map<String, EnvValue> env = complete();
        env.put("KAFKA_TOPIC_REPLICATION_FACTOR", literal("3"));
        env.put("SALESPLATFORM_PROBE_INTERVAL", literal("5s"));
        env.put("JAVA_OPTS_APPEND", literal("-Xlog:gc"));
        assertEquals(List.of(), problems(env));
    }

    @Test
    void reportsAVariableThatNamesNoSetting() {
        Map<String, EnvValue> env = complete();
        env.put("QUARKUS_DATASOURCE_REACTVE_URL", literal("postgresql://postgres:5432/probe"));
        assertEquals(List.of("probe-service: QUARKUS_DATASOURCE_REACTVE_URL names no setting of the service (no such key in"
                + " its application.properties or the kit's defaults, no ${QUARKUS_DATASOURCE_REACTVE_URL} in them, not"
                + " read by the image)"), problems(env));
    }

    @Test
    void reportsALocalAddressLeftInPlace() {
        Map<String, EnvValue> env = complete();
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", literal("jdbc:postgresql://localhost:5432/probe"));
        assertEquals(List.of(
                "probe-service: kafka.bootstrap.servers is 127.0.0.1:9092 (this machine) and KAFKA_BOOTSTRAP_SERVERS does not override it",
                "probe-service: QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/probe points at the container itself",
                "probe-service: QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/probe, expected jdbc:postgresql://postgres:5432/probe",
                "probe-service: KAFKA_BOOTSTRAP_SERVERS is not set"), problems(env));
    }

    @Test
    void reportsAnotherServicesDatabaseOrRoleAndAMissingIssuer() {
        Map<String, EnvValue> env = complete();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", literal("postgresql://postgres:5432/other"));
        env.put("QUARKUS_DATASOURCE_USERNAME", literal("postgres"));
        env.remove("QUARKUS_OIDC_TOKEN_ISSUER");
        assertEquals(List.of(
                "probe-service: QUARKUS_OIDC_TOKEN_ISSUER is not set",
                "probe-service: QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://postgres:5432/other, expected postgresql://postgres:5432/probe",
                "probe-service: QUARKUS_DATASOURCE_USERNAME=postgres, expected probe"), problems(env));
    }

    @Test
    void reportsWhatThePasswordCheckFinds() {
        List<String> problems = EnvChecks.problems(CONFIG, complete(), Set.of(), password -> "is not from a Secret");
        assertEquals(List.of("probe-service: QUARKUS_DATASOURCE_PASSWORD is not from a Secret"), problems);
    }
}
