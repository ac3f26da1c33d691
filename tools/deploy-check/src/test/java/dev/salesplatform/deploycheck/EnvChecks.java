package dev.salesplatform.deploycheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the environment of a service's container must hold, and what it may hold, the same in compose
 * and on Kubernetes.
 * <p>
 * Must: every key whose value points at the machine itself (127.0.0.1, localhost: the local stack's
 * addresses) is overridden, and not with another loopback address unless a browser uses it; the
 * datasource, Kafka and OIDC settings name the shared infrastructure ({@link #POSTGRES}, {@link #KAFKA},
 * {@link #KEYCLOAK}), the service's own database and its own role; the gateway's upstreams name the
 * services at their ports.
 * <p>
 * May: a variable must map to a real setting of the service (so that a typo, which Quarkus would
 * silently ignore, fails here): the env form of a key in its application.properties or the kit's
 * defaults (any profile), a variable its properties read through ${NAME:default}, one of the few
 * Quarkus keys a deployment sets that no properties file names ({@link #KEYS_ONLY_DEPLOYMENTS_SET}),
 * or a variable the image itself reads (an ENV of the Dockerfile, e.g. JAVA_OPTS_APPEND).
 */
final class EnvChecks {

    /** The names both deployments give the infrastructure (compose services; Kubernetes Services). */
    static final String POSTGRES = "postgres:5432";
    static final String KAFKA = "kafka:9092";
    static final String KEYCLOAK = "http://keycloak:8080";

    /**
     * Quarkus keys a deployment sets and no properties file does: the issuer (public, where the key URL
     * is internal), and the OpenTelemetry exporter, off until an operator names a collector.
     */
    static final Set<String> KEYS_ONLY_DEPLOYMENTS_SET = Set.of("quarkus.oidc.token.issuer",
            "quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.protocol", "quarkus.otel.sdk.disabled");

    /** Keys whose value a browser uses: loopback is right for them on a developer's machine. */
    static final Set<String> BROWSER_FACING = Set.of("quarkus.oidc.token.issuer", "gateway.oidc.public-url",
            "gateway.cors.origins");

    private EnvChecks() {
    }

    /**
     * @param imageEnv        the variables the image reads itself (ENV of the Dockerfile)
     * @param passwordProblem what is wrong with the datasource password's value, or null if nothing
     */
    static List<String> problems(ServiceConfig config, Map<String, EnvValue> env, Set<String> imageEnv,
            Function<EnvValue, String> passwordProblem) {
        List<String> problems = new ArrayList<>();
        String service = config.name();
        Set<String> known = new TreeSet<>(config.knownEnvNames());
        KEYS_ONLY_DEPLOYMENTS_SET.forEach(key -> known.add(ServiceConfig.envName(key)));
        known.addAll(imageEnv);
        for (String name : env.keySet()) {
            if (!known.contains(name)) {
                problems.add(service + ": " + name + " names no setting of the service (no such key in its "
                        + "application.properties or the kit's defaults, no ${" + name + "} in them, not read by the image)");
            }
        }

        expect(problems, service, env, "QUARKUS_HTTP_HOST", "0.0.0.0");
        expect(problems, service, env, "QUARKUS_MANAGEMENT_HOST", "0.0.0.0");
        for (String key : config.loopbackKeys()) {
            String name = ServiceConfig.envName(key);
            EnvValue value = env.get(name);
            if (value == null) {
                problems.add(service + ": " + key + " is " + config.value(key).orElseThrow()
                        + " (this machine) and " + name + " does not override it");
            } else if (value instanceof EnvValue.Literal literal && ServiceConfig.pointsAtLoopback(literal.value())
                    && !BROWSER_FACING.contains(key)) {
                problems.add(service + ": " + name + "=" + literal.value() + " points at the container itself");
            }
        }

        if (config.value("quarkus.oidc.auth-server-url").isPresent()) {
            expect(problems, service, env, "QUARKUS_OIDC_AUTH_SERVER_URL", KEYCLOAK + config.realmPath());
            String issuer = literal(problems, service, env, "QUARKUS_OIDC_TOKEN_ISSUER");
            if (issuer != null && !issuer.endsWith(config.realmPath())) {
                problems.add(service + ": QUARKUS_OIDC_TOKEN_ISSUER=" + issuer + " is not the realm " + config.realmPath());
            }
            if (config.value("gateway.oidc.public-url").isPresent() && issuer != null) {
                expect(problems, service, env, "GATEWAY_OIDC_PUBLIC_URL", issuer);
            }
        }
        if (config.hasDatabase()) {
            String database = config.databaseName();
            expect(problems, service, env, "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + POSTGRES + "/" + database);
            expect(problems, service, env, "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + POSTGRES + "/" + database);
            expect(problems, service, env, "QUARKUS_DATASOURCE_USERNAME", database);
            EnvValue password = env.get("QUARKUS_DATASOURCE_PASSWORD");
            String problem = password == null ? "is not set" : passwordProblem.apply(password);
            if (problem != null) {
                problems.add(service + ": QUARKUS_DATASOURCE_PASSWORD " + problem);
            }
        }
        if (config.usesKafka()) {
            expect(problems, service, env, "KAFKA_BOOTSTRAP_SERVERS", KAFKA);
        }
        for (String upstream : config.upstreams()) {
            String target = upstream + "-service";
            if (!ServiceConfig.SERVICES.contains(target)) {
                problems.add(service + ": upstream " + upstream + " is no service of " + ServiceConfig.SERVICES);
                continue;
            }
            ServiceConfig targetConfig = ServiceConfig.of(target);
            String prefix = ServiceConfig.envName("gateway.upstreams." + upstream + ".");
            expect(problems, service, env, prefix + "URL", "http://" + target + ":" + targetConfig.httpPort());
            if (config.value("gateway.upstreams." + upstream + ".management-url").isPresent()) {
                expect(problems, service, env, prefix + "MANAGEMENT_URL",
                        "http://" + target + ":" + targetConfig.managementPort());
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, String service, Map<String, EnvValue> env, String name,
            String expected) {
        String actual = literal(problems, service, env, name);
        if (actual != null && !actual.equals(expected)) {
            problems.add(service + ": " + name + "=" + actual + ", expected " + expected);
        }
    }

    private static String literal(List<String> problems, String service, Map<String, EnvValue> env, String name) {
        EnvValue value = env.get(name);
        if (value == null) {
            problems.add(service + ": " + name + " is not set");
            return null;
        }
        if (!(value instanceof EnvValue.Literal literal)) {
            problems.add(service + ": " + name + " should be a plain value, not " + value);
            return null;
        }
        return literal.value();
    }
}
