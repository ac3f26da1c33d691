package dev.salesplatform.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Kubernetes resources: as kubectl kustomize renders a kustomization, or as its files say (read directly). */
final class Kube {

    /** The fields {@link #direct} understands; a kustomization with others (patches, images, ...) needs kubectl. */
    private static final Set<String> DIRECT_FIELDS = Set.of("apiVersion", "kind", "resources", "configMapGenerator",
            "labels");

    private final List<Map<String, Object>> resources;

    private Kube(List<Map<String, Object>> resources) {
        this.resources = List.copyOf(resources);
    }

    static Kube of(List<Map<String, Object>> resources) {
        return new Kube(resources);
    }

    /** `kubectl kustomize dir` (dir relative to the repository). */
    static Kube rendered(String dir) {
        Tools.Result result = Tools.run(Repo.ROOT, Map.of(), List.of("kubectl", "kustomize", dir), Duration.ofMinutes(2));
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + result.output());
        }
        return new Kube(Yaml.loadAll(result.output()));
    }

    /**
     * The resources a kustomization lists, read from its files (and the kustomizations it includes) without
     * kubectl: generated ConfigMaps under their plain names, labels left out. Only for kustomizations
     * that do no more than that ({@link #DIRECT_FIELDS}).
     */
    static Kube direct(String dir) {
        List<Map<String, Object>> resources = new ArrayList<>();
        collect(Repo.path(dir).normalize(), resources);
        return new Kube(resources);
    }

    private static void collect(Path dir, List<Map<String, Object>> into) {
        Map<String, Object> kustomization = Yaml.map(Yaml.load(read(dir.resolve("kustomization.yaml"))));
        for (String field : kustomization.keySet()) {
            if (!DIRECT_FIELDS.contains(field)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml uses '" + field
                        + "', which only kubectl kustomize applies: check the rendered output instead");
            }
        }
        for (Object entry : Yaml.list(kustomization.get("resources"))) {
            Path resource = dir.resolve(entry.toString()).normalize();
            if (Files.isDirectory(resource)) {
                collect(resource, into);
            } else {
                into.addAll(Yaml.loadAll(read(resource)));
            }
        }
        for (Map<String, Object> generator : Yaml.maps(kustomization.get("configMapGenerator"))) {
            Map<String, String> data = new LinkedHashMap<>();
            for (Object envFile : Yaml.list(generator.get("envs"))) {
                data.putAll(envFile(read(dir.resolve(envFile.toString()))));
            }
            for (Object literal : Yaml.list(generator.get("literals"))) {
                String text = literal.toString();
                data.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
            }
            for (Object file : Yaml.list(generator.get("files"))) {
                Path path = dir.resolve(file.toString());
                data.put(path.getFileName().toString(), read(path));
            }
            Map<String, Object> configMap = new LinkedHashMap<>();
            configMap.put("apiVersion", "v1");
            configMap.put("kind", "ConfigMap");
            configMap.put("metadata", Map.of("name", generator.get("name")));
            configMap.put("data", data);
            into.add(configMap);
        }
    }

    /** A kustomize env file: NAME=value lines, # comments. */
    static Map<String, String> envFile(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int equals = stripped.indexOf('=');
            result.put(stripped.substring(0, equals), stripped.substring(equals + 1));
        }
        return result;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    List<Map<String, Object>> resources() {
        return resources;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(Yaml.string(r, "metadata", "name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static String name(Map<String, Object> resource) {
        return Yaml.string(resource, "metadata", "name");
    }

    /** Secrets by name, with the keys each holds (data and stringData). */
    Map<String, Set<String>> secrets() {
        Map<String, Set<String>> result = new TreeMap<>();
        ofKind("Secret").forEach(secret -> result.put(name(secret), secretKeys(secret)));
        return result;
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return Yaml.map(Yaml.at(workload, "spec", "template", "spec"));
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return Yaml.maps(podSpec(workload).get("containers"));
    }

    /** Every secretKeyRef and envFrom secretRef of a workload's containers, as {secret, key or null}. */
    static List<String[]> secretReferences(Map<String, Object> workload) {
        List<String[]> references = new ArrayList<>();
        for (Map<String, Object> container : containers(workload)) {
            for (Map<String, Object> env : Yaml.maps(container.get("env"))) {
                Object ref = Yaml.at(env, "valueFrom", "secretKeyRef");
                if (ref != null) {
                    references.add(new String[] {Yaml.string(ref, "name"), Yaml.string(ref, "key")});
                }
            }
            for (Map<String, Object> source : Yaml.maps(container.get("envFrom"))) {
                if (source.get("secretRef") != null) {
                    references.add(new String[] {Yaml.string(source, "secretRef", "name"), null});
                }
            }
        }
        return references;
    }

    /**
     * A container's environment as the kubelet assembles it: envFrom ConfigMaps (of this rendering) in
     * order, then env entries, which win.
     */
    Map<String, EnvValue> environment(Map<String, Object> container) {
        Map<String, EnvValue> result = new LinkedHashMap<>();
        for (Map<String, Object> source : Yaml.maps(container.get("envFrom"))) {
            String configMap = Yaml.string(source, "configMapRef", "name");
            String secret = Yaml.string(source, "secretRef", "name");
            if (configMap != null) {
                Yaml.strings(get("ConfigMap", configMap).get("data"))
                        .forEach((name, value) -> result.put(name, new EnvValue.Literal(value)));
            } else if (secret != null) {
                find("Secret", secret).ifPresent(s -> secretKeys(s).forEach(key -> result.put(key, new EnvValue.SecretRef(secret, key))));
            }
        }
        for (Map<String, Object> env : Yaml.maps(container.get("env"))) {
            String name = env.get("name").toString();
            if (env.containsKey("value")) {
                result.put(name, new EnvValue.Literal(String.valueOf(env.get("value"))));
            } else if (Yaml.at(env, "valueFrom", "secretKeyRef") != null) {
                result.put(name, new EnvValue.SecretRef(Yaml.string(env, "valueFrom", "secretKeyRef", "name"),
                        Yaml.string(env, "valueFrom", "secretKeyRef", "key")));
            } else if (Yaml.at(env, "valueFrom", "configMapKeyRef") != null) {
                String configMap = Yaml.string(env, "valueFrom", "configMapKeyRef", "name");
                String key = Yaml.string(env, "valueFrom", "configMapKeyRef", "key");
                result.put(name, new EnvValue.Literal(Yaml.strings(get("ConfigMap", configMap).get("data")).get(key)));
            } else {
                result.put(name, new EnvValue.Other(String.valueOf(env.get("valueFrom"))));
            }
        }
        return result;
    }

    private static Set<String> secretKeys(Map<String, Object> secret) {
        Set<String> keys = new TreeSet<>(Yaml.map(secret.get("data")).keySet());
        keys.addAll(Yaml.map(secret.get("stringData")).keySet());
        return keys;
    }
}
