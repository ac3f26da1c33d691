package dev.salesplatform.deploycheck;

/** The value of one environment variable of a container, as a deployment gives it. */
sealed interface EnvValue {

    /** Written out (compose environment, a ConfigMap entry, env value). */
    record Literal(String value) implements EnvValue {
    }

    /** Read from a Kubernetes Secret. */
    record SecretRef(String secret, String key) implements EnvValue {
    }

    /** Anything else (fieldRef, resourceFieldRef, ...). */
    record Other(String description) implements EnvValue {
    }
}
