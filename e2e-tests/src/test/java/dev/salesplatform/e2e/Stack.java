package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.util.Map;

/** Addresses of the running stack and real Keycloak tokens for its demo users (local only). */
final class Stack {

    static final String GATEWAY = System.getProperty("e2e.gateway", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getProperty("e2e.keycloak", "http://127.0.0.1:8180");
    /** Every broker a local stack may run (one, or a cluster of three): a client bootstraps from any that answers. */
    static final String KAFKA = System.getProperty("e2e.kafka", "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
    static final String TOKEN_URL = KEYCLOAK + "/realms/sales/protocol/openid-connect/token";
    static final String DEMO_PASSWORD = "demo";

    static final String SARA_SDR_ID = "00000000-0000-7000-8000-000000000001";

    private Stack() {
    }

    /** A user's access token from the password grant of the public client (enabled for local tests only). */
    static String userToken(String username) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "sales-frontend",
                        "username", username, "password", DEMO_PASSWORD, "scope", "openid"))
                .when().post(TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * A new user of the sales realm with one realm role and the demo password, made through
     * Keycloak's admin API (local admin/admin): a journey's reps of its own, so that its figures are
     * exact whatever else the stack holds. Answers the user's id.
     */
    static String newUser(String username, String role) {
        String admin = adminToken();
        String users = KEYCLOAK + "/admin/realms/sales/users";
        String location = given().auth().oauth2(admin).contentType("application/json").body("""
                        {"username": "%s", "enabled": true, "email": "%s@example.com", "emailVerified": true,
                         "firstName": "Journey", "lastName": "%s",
                         "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
                        .formatted(username, username, role, DEMO_PASSWORD))
                .when().post(users).then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String roleRepresentation = given().auth().oauth2(admin).when().get(KEYCLOAK + "/admin/realms/sales/roles/" + role)
                .then().statusCode(200).extract().asString();
        given().auth().oauth2(admin).contentType("application/json").body("[" + roleRepresentation + "]")
                .when().post(users + "/" + id + "/role-mappings/realm").then().statusCode(204);
        return id;
    }

    /** A token of a new user with {@code role} (see {@link #newUser}). */
    static String userToken(String username, String role) {
        newUser(username, role);
        return userToken(username);
    }

    /**
     * A token of a demo user that expires after one second: from a public client whose access tokens
     * live that long, made through the admin API the first time.
     */
    static String shortLivedToken(String username) {
        given().auth().oauth2(adminToken()).contentType("application/json").body("""
                        {"clientId": "e2e-short-lived", "publicClient": true, "directAccessGrantsEnabled": true,
                         "standardFlowEnabled": false, "attributes": {"access.token.lifespan": "1"},
                         "protocolMappers": [{"name": "audience", "protocol": "openid-connect",
                           "protocolMapper": "oidc-audience-mapper",
                           "config": {"included.custom.audience": "sales-platform", "access.token.claim": "true"}}]}""")
                .when().post(KEYCLOAK + "/admin/realms/sales/clients")
                .then().statusCode(anyOf(is(201), is(409)));
        return given().formParams(Map.of("grant_type", "password", "client_id", "e2e-short-lived",
                        "username", username, "password", DEMO_PASSWORD))
                .when().post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }

    private static String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .when().post(KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The marketing tool's token from the client-credentials grant. */
    static String integrationToken() {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", "marketing-tool",
                        "client_secret", "marketing-tool-secret"))
                .when().post(TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
    }
}
