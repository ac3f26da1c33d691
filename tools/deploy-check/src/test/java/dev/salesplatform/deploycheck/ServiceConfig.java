package dev.salesplatform.deploycheck;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service's configuration as it runs in production: its application.properties over the service
 * kit's defaults (META-INF/microprofile-config.properties) for the modules that use the kit, profile
 * keys (%test., %dev.) left out, %prod. ones applied.
 */
final class ServiceConfig {

    /** The five deployables: module directory, compose service and Kubernetes Deployment share the name. */
    static final List<String> SERVICES = List.of("lead-service", "deal-service", "customer-success-service",
            "analytics-service", "api-gateway");

    static final String KIT_DEFAULTS = "libs/service-kit/src/main/resources/META-INF/microprofile-config.properties";

    /** quarkus.shutdown.timeout where a service sets none (the decision of issue 14). */
    static final Duration ASSUMED_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern KIT_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.salesplatform</groupId>\\s*<artifactId>service-kit</artifactId>(?:(?!</dependency>).)*</dependency>",
            Pattern.DOTALL);

    private final String name;
    private final Map<String, String> values;
    /** Every key, including those of a profile (without its prefix): what an environment variable may name. */
    private final Set<String> allKeys;

    private ServiceConfig(String name, Map<String, String> values, Set<String> allKeys) {
        this.name = name;
        this.values = values;
        this.allKeys = allKeys;
    }

    static ServiceConfig of(String service) {
        String pom = Repo.read(service + "/pom.xml");
        boolean usesKit = KIT_DEPENDENCY.matcher(pom).results()
                .anyMatch(dependency -> !dependency.group().contains("<scope>test</scope>"));
        Map<String, String> raw = new LinkedHashMap<>();
        if (usesKit) {
            raw.putAll(properties(Repo.read(KIT_DEFAULTS)));
        }
        raw.putAll(properties(Repo.read(service + "/src/main/resources/application.properties")));
        return of(service, raw);
    }

    /** From keys and values (profile prefixes included) as if they were the whole configuration: for tests of the checks. */
    static ServiceConfig of(String service, Map<String, String> raw) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> prod = new LinkedHashMap<>();
        Set<String> allKeys = new TreeSet<>();
        raw.forEach((key, value) -> {
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                String bare = key.substring(dot + 1);
                allKeys.add(bare);
                if (key.startsWith("%prod.")) {
                    prod.put(bare, value);
                }
            } else {
                allKeys.add(key);
                values.put(key, value);
            }
        });
        values.putAll(prod);
        return new ServiceConfig(service, values, allKeys);
    }

    private static Map<String, String> properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> result = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> result.put(key, properties.getProperty(key)));
        return result;
    }

    /**
     * The environment variable of a key, as SmallRye Config maps it: every character that is not a
     * letter or digit becomes '_', then upper case (quarkus.datasource.reactive.url ->
     * QUARKUS_DATASOURCE_REACTIVE_URL, gateway.upstreams.customer-success.url ->
     * GATEWAY_UPSTREAMS_CUSTOMER_SUCCESS_URL).
     */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    String name() {
        return name;
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    String require(String key) {
        return value(key).orElseThrow(() -> new IllegalStateException(name + " sets no " + key));
    }

    int httpPort() {
        return Integer.parseInt(require("quarkus.http.port"));
    }

    int managementPort() {
        return Integer.parseInt(require("quarkus.management.port"));
    }

    Duration shutdownTimeout() {
        return value("quarkus.shutdown.timeout").map(ServiceConfig::duration).orElse(ASSUMED_SHUTDOWN_TIMEOUT);
    }

    boolean hasDatabase() {
        return value("quarkus.datasource.jdbc.url").isPresent() || value("quarkus.datasource.reactive.url").isPresent();
    }

    /** The database the service's own URL names (its local default): the one it owns everywhere. */
    String databaseName() {
        String url = require("quarkus.datasource.jdbc.url");
        return URI.create(url.substring("jdbc:".length())).getPath().substring(1);
    }

    boolean usesKafka() {
        return value("kafka.bootstrap.servers").isPresent();
    }

    /** The realm path of the OIDC server URL, e.g. /realms/sales. */
    String realmPath() {
        return URI.create(require("quarkus.oidc.auth-server-url")).getPath();
    }

    /** Keys whose value points at this machine (127.0.0.1, localhost): wrong in any container. */
    Set<String> loopbackKeys() {
        Set<String> keys = new TreeSet<>();
        values.forEach((key, value) -> {
            if (pointsAtLoopback(value)) {
                keys.add(key);
            }
        });
        return keys;
    }

    static boolean pointsAtLoopback(String value) {
        return value.contains("127.0.0.1") || value.toLowerCase(Locale.ROOT).contains("localhost");
    }

    /**
     * The environment variables that name a key of this service: the env form of every key it or the kit
     * sets (in any profile), and every variable its values read through ${NAME:default}.
     */
    Set<String> knownEnvNames() {
        Set<String> names = new TreeSet<>();
        allKeys.forEach(key -> names.add(envName(key)));
        values.values().forEach(value -> ENV_REFERENCE.matcher(value).results().forEach(m -> names.add(m.group(1))));
        return names;
    }

    /** The gateway's upstream names (gateway.upstreams.<name>.url). */
    Set<String> upstreams() {
        Set<String> names = new TreeSet<>();
        Pattern upstream = Pattern.compile("gateway\\.upstreams\\.([a-z0-9-]+)\\.url");
        values.keySet().forEach(key -> {
            Matcher matcher = upstream.matcher(key);
            if (matcher.matches()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }

    /** A Quarkus duration: 30s, 1m, 500ms, or ISO-8601 (PT30S). */
    static Duration duration(String text) {
        String value = text.trim();
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
