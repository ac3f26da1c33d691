package dev.salesplatform.deploycheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Plain maps and lists from YAML (anchors, aliases and merge keys resolved), and ways through them. */
final class Yaml {

    private Yaml() {
    }

    static Object load(String text) {
        return parser().load(text);
    }

    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : parser().loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    private static org.yaml.snakeyaml.Yaml parser() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            throw new IllegalArgumentException("not a list: " + node);
        }
        return new ArrayList<>(list);
    }

    static List<Map<String, Object>> maps(Object node) {
        return list(node).stream().map(Yaml::map).toList();
    }

    /** The node at a path of keys; null where a key is missing. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String string(Object node, String... keys) {
        Object value = at(node, keys);
        return value == null ? null : value.toString();
    }

    /** A mapping of scalars as strings (compose environment maps, ConfigMap data). */
    static Map<String, String> strings(Object node) {
        Map<String, String> result = new LinkedHashMap<>();
        map(node).forEach((key, value) -> result.put(key, value == null ? "" : value.toString()));
        return result;
    }
}
