package dev.salesplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/keycloak/sales-realm.json holds what services, tests and the README rely on. */
class RealmFileTest {

    private static JsonNode realm;

    @BeforeAll
    static void read() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "../.."));
        realm = new ObjectMapper().readTree(root.resolve("deploy/keycloak/sales-realm.json").toFile());
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode client(String clientId) {
        return list(realm.get("clients")).stream().filter(c -> c.get("clientId").asText().equals(clientId))
                .findFirst().orElseThrow();
    }

    private static JsonNode user(String username) {
        return list(realm.get("users")).stream().filter(u -> u.get("username").asText().equals(username))
                .findFirst().orElseThrow();
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void realmAndTokenLifespan() {
        assertEquals("sales", realm.get("realm").asText());
        assertTrue(realm.get("enabled").asBoolean());
        assertEquals(900, realm.get("accessTokenLifespan").asInt());
    }

    @Test
    void realmRoles() {
        Set<String> roles = new HashSet<>();
        realm.get("roles").get("realm").forEach(r -> roles.add(r.get("name").asText()));
        assertEquals(Set.of("sdr", "account-executive", "sales-specialist", "customer-success", "sales-manager",
                "admin", "integration"), roles);
    }

    @Test
    void demoUsersHaveFixedIdsRolesAndPasswordDemo() {
        for (Info.DemoUser demo : Info.DEMO_USERS) {
            JsonNode user = user(demo.username());
            assertEquals(demo.id(), user.get("id").asText(), demo.username());
            assertTrue(user.get("enabled").asBoolean());
            assertTrue(user.get("emailVerified").asBoolean());
            assertEquals(demo.username() + "@demo.salesplatform.dev", user.get("email").asText());
            assertFalse(user.get("firstName").asText().isBlank());
            assertFalse(user.get("lastName").asText().isBlank());
            JsonNode credential = user.get("credentials").get(0);
            assertEquals("password", credential.get("type").asText());
            assertEquals("demo", credential.get("value").asText());
            assertFalse(credential.get("temporary").asBoolean());
            Set<String> roles = texts(user.get("realmRoles"));
            roles.remove("default-roles-sales");
            assertEquals(demo.role().equals("(none)") ? Set.of() : Set.of(demo.role()), roles, demo.username());
        }
        assertEquals(Info.DEMO_USERS.size() + 1, realm.get("users").size(), "demo users + the service account");
    }

    @Test
    void frontendIsPublicWithPkceAndPasswordGrant() {
        JsonNode frontend = client("sales-frontend");
        assertTrue(frontend.get("publicClient").asBoolean());
        assertTrue(frontend.get("standardFlowEnabled").asBoolean());
        assertTrue(frontend.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(frontend.get("implicitFlowEnabled").asBoolean());
        assertEquals("S256", frontend.get("attributes").get("pkce.code.challenge.method").asText());
        assertEquals(Set.of("http://127.0.0.1:8080/*", "http://localhost:8080/*", "http://localhost:5173/*"),
                texts(frontend.get("redirectUris")));
        assertEquals(Set.of("+"), texts(frontend.get("webOrigins")));
        assertAudienceMapper(frontend);
    }

    @Test
    void marketingToolIsConfidentialClientCredentialsOnly() {
        JsonNode tool = client("marketing-tool");
        assertFalse(tool.get("publicClient").asBoolean());
        assertEquals("marketing-tool-secret", tool.get("secret").asText());
        assertTrue(tool.get("serviceAccountsEnabled").asBoolean());
        assertFalse(tool.get("standardFlowEnabled").asBoolean());
        assertFalse(tool.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(tool.get("implicitFlowEnabled").asBoolean());
        assertAudienceMapper(tool);
        JsonNode serviceAccount = user("service-account-marketing-tool");
        assertEquals("00000000-0000-7000-8000-000000000100", serviceAccount.get("id").asText());
        assertEquals("marketing-tool", serviceAccount.get("serviceAccountClientId").asText());
        assertTrue(texts(serviceAccount.get("realmRoles")).contains("integration"));
    }

    @Test
    void clientsGetTheScopesThatCarrySubRolesAndUsername() {
        for (String clientId : List.of("sales-frontend", "marketing-tool")) {
            assertTrue(texts(client(clientId).get("defaultClientScopes")).containsAll(Set.of("basic", "roles", "profile")),
                    clientId);
        }
    }

    private static void assertAudienceMapper(JsonNode client) {
        JsonNode mapper = list(client.get("protocolMappers")).stream()
                .filter(m -> m.get("protocolMapper").asText().equals("oidc-audience-mapper")).findFirst().orElseThrow();
        assertEquals("sales-platform", mapper.get("config").get("included.custom.audience").asText());
        assertEquals("true", mapper.get("config").get("access.token.claim").asText());
    }
}
