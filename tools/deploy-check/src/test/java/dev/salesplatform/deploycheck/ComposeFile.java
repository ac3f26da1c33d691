package dev.salesplatform.deploycheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as compose reads it with no variable set: anchors and merge keys resolved, every
 * ${NAME:-default} replaced by its default, $$ by $. Variables without a default are collected (a file
 * that needs them would not start as documented).
 */
final class ComposeFile {

    static final String PATH = "docker-compose.yml";

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, Object> root;
    private final List<String> withoutDefault = new ArrayList<>();
    /** Every variable the file reads, with its default. */
    private final Map<String, String> variables = new TreeMap<>();

    private ComposeFile(Object parsed) {
        this.root = Yaml.map(interpolate(parsed));
    }

    static ComposeFile load() {
        return parse(Repo.read(PATH));
    }

    static ComposeFile parse(String text) {
        return new ComposeFile(Yaml.load(text));
    }

    private Object interpolate(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> result.put(key.toString(), interpolate(value)));
            return result;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(this::interpolate).toList();
        }
        if (node instanceof String text) {
            Matcher matcher = VARIABLE.matcher(text);
            return matcher.replaceAll(m -> {
                if (m.group().equals("$$")) {
                    return "\\$";
                }
                String name = m.group(1) != null ? m.group(1) : m.group(4);
                String operator = m.group(2);
                String argument = m.group(3) == null ? "" : m.group(3);
                if (operator == null || operator.contains("?")) {
                    withoutDefault.add(name);
                    return "";
                }
                String value = operator.contains("+") ? "" : argument;
                variables.put(name, value);
                return Matcher.quoteReplacement(value);
            });
        }
        return node;
    }

    Map<String, Object> root() {
        return root;
    }

    List<String> variablesWithoutDefault() {
        return List.copyOf(withoutDefault);
    }

    Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    Map<String, Object> services() {
        return Yaml.map(root.get("services"));
    }

    Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (service == null) {
            throw new AssertionError(PATH + " has no service " + name);
        }
        return Yaml.map(service);
    }

    /** A service's environment, in either of compose's forms (mapping, or list of NAME=value). */
    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String text = entry.toString();
                int equals = text.indexOf('=');
                result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        } else if (environment != null) {
            result.putAll(Yaml.strings(environment));
        }
        return result;
    }

    /** The volumes of a service in short syntax (source:target[:mode]) as {source, target}. */
    List<String[]> volumes(String name) {
        List<String[]> result = new ArrayList<>();
        for (Object volume : Yaml.list(service(name).get("volumes"))) {
            if (volume instanceof Map<?, ?> longSyntax) {
                result.add(new String[] {String.valueOf(longSyntax.get("source")), String.valueOf(longSyntax.get("target"))});
            } else {
                String[] parts = volume.toString().split(":");
                result.add(new String[] {parts[0], parts[1]});
            }
        }
        return result;
    }

    /** The conditions a service waits for, by service. */
    Map<String, String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> list) {
            list.forEach(dependency -> result.put(dependency.toString(), "service_started"));
        } else if (dependsOn != null) {
            Yaml.map(dependsOn).forEach((dependency, spec) -> result.put(dependency,
                    String.valueOf(Yaml.map(spec).getOrDefault("condition", "service_started"))));
        }
        return result;
    }

    /** A healthcheck's test as one command line (CMD and CMD-SHELL forms). */
    String healthcheck(String name) {
        Object test = Yaml.at(service(name), "healthcheck", "test");
        if (test == null) {
            return null;
        }
        if (test instanceof List<?> list) {
            List<String> parts = list.stream().map(Object::toString).toList();
            return String.join(" ", parts.subList(1, parts.size()));
        }
        return test.toString();
    }
}
