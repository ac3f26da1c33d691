package dev.salesplatform.devstack;

import java.util.List;

import dev.salesplatform.topics.TopicDefinition;

/** What `up` prints once the stack is ready: URLs, demo users, a sample curl. */
public final class Info {

    /** A demo user of deploy/keycloak/sales-realm.json (local only; password "demo"). */
    public record DemoUser(String username, String id, String role) {
    }

    public static final String DEMO_PASSWORD = "demo";

    public static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("sara.sdr", "00000000-0000-7000-8000-000000000001", "sdr"),
            new DemoUser("sam.sdr", "00000000-0000-7000-8000-000000000002", "sdr"),
            new DemoUser("alex.ae", "00000000-0000-7000-8000-000000000003", "account-executive"),
            new DemoUser("sofia.specialist", "00000000-0000-7000-8000-000000000004", "sales-specialist"),
            new DemoUser("chris.csm", "00000000-0000-7000-8000-000000000005", "customer-success"),
            new DemoUser("morgan.manager", "00000000-0000-7000-8000-000000000006", "sales-manager"),
            new DemoUser("ada.admin", "00000000-0000-7000-8000-000000000007", "admin"),
            new DemoUser("nora.norole", "00000000-0000-7000-8000-000000000008", "(none)"));

    public static final String TOKEN_URL = StackSpec.ISSUER + "/protocol/openid-connect/token";

    private Info() {
    }

    /** Gets a token for sara.sdr (password grant of sales-frontend) with curl and sed only. */
    public static String tokenCommand() {
        return "TOKEN=$(curl -s -d grant_type=password -d client_id=sales-frontend -d username=sara.sdr -d password="
                + DEMO_PASSWORD + " \\\n"
                + "    " + TOKEN_URL + " \\\n"
                + "    | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')";
    }

    public static String createLeadCommand() {
        return "curl -i -X POST http://" + StackSpec.HOST + ":8080/api/v1/leads \\\n"
                + "    -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n"
                + "    -d '{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\","
                + "\"company\":{\"name\":\"Analytical Engines Ltd\"},\"source\":\"WEB_FORM\"}'";
    }

    public static String text(boolean infraOnly, StackSpec.Shape shape) {
        StringBuilder b = new StringBuilder();
        b.append('\n');
        if (!infraOnly) {
            b.append("Services").append(shape.replicas() == 1 ? "" : " (" + shape.replicas()
                    + " instances of each; the gateways balance over them)").append('\n');
            b.append(String.format("  %-26s %s%n", "gateway (API entry point)", String.join(", ", shape.instancesOf(
                    StackSpec.SERVICES.getFirst()).stream().map(i -> i.url() + "/api/v1").toList())));
            b.append(String.format("  %-26s %s%n", "OpenAPI", "http://127.0.0.1:<service port>/q/openapi"));
            for (StackSpec.Instance instance : shape.instances()) {
                b.append(String.format("  %-26s %s  (health %s)%n", instance.name(), instance.url(),
                        instance.readinessUrl()));
            }
        } else {
            b.append("Infrastructure only (--infra-only): start the services yourself, e.g.\n")
                    .append("  ./mvnw -f lead-service/pom.xml quarkus:dev   (ports 8080-8084 are expected)\n");
        }
        b.append("Infrastructure\n");
        b.append(String.format("  %-26s %s%n", "Keycloak admin console", "http://127.0.0.1:8180/admin/  (admin / admin)"));
        b.append(String.format("  %-26s %s%n", "Keycloak realm (issuer)", StackSpec.ISSUER));
        b.append(String.format("  %-26s %s%n", "PostgreSQL", "127.0.0.1:15432 user postgres (no password), databases "
                + String.join(", ", StackSpec.DATABASES)));
        b.append(String.format("  %-26s %s%n", "Kafka", shape.kafkaBootstrapServers() + ", topics " + String.join(", ",
                StackSpec.topics().stream().map(TopicDefinition::name).toList())
                + (shape.kafkaBrokers() == 1 ? "" : " (replication factor " + shape.replicationFactor()
                        + ", min.insync.replicas " + shape.minInsyncReplicas() + ")")));
        b.append(String.format("  %-26s %s%n", "Logs", ".platform/logs/<name>.log  (./platform logs [name])"));
        b.append('\n');
        b.append("Demo users (LOCAL ONLY, password \"").append(DEMO_PASSWORD).append("\")\n");
        for (DemoUser user : DEMO_USERS) {
            b.append(String.format("  %-18s %-20s %s%n", user.username(), user.role(), user.id()));
        }
        b.append(String.format("  %-18s %-20s %s%n", "client marketing-tool", "integration",
                "client credentials, secret marketing-tool-secret"));
        b.append('\n');
        b.append(infraOnly ? "Get a token:\n" : "Try it (token for sara.sdr, then create a lead through the gateway):\n");
        b.append(tokenCommand()).append('\n');
        if (!infraOnly) {
            b.append(createLeadCommand()).append('\n');
        }
        return b.toString();
    }
}
