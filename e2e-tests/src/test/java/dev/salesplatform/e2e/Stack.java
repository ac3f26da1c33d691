package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** Addresses of the running stack and real Keycloak tokens for its demo users (local only). */
final class Stack {

    static final String GATEWAY = System.getProperty("e2e.gateway", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getProperty("e2e.keycloak", "http://127.0.0.1:8180");
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

    /** The marketing tool's token from the client-credentials grant. */
    static String integrationToken() {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", "marketing-tool",
                        "client_secret", "marketing-tool-secret"))
                .when().post(TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
    }
}
