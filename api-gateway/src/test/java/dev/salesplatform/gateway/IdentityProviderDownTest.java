package dev.salesplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(IdentityProviderDownTest.UnreachableIdentityProvider.class)
class IdentityProviderDownTest {

    @Test
    void answersAnInternalErrorProblemWhenTokensCannotBeValidated() {
        given()
                .header("Authorization", TestTokens.bearer(UUID.randomUUID(), "sdr"))
                .when().get("/api/v1/leads")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", is("https://salesplatform.dev/problems/internal-error"))
                .body("instance", is("/api/v1/leads"))
                .body(not(containsString("OIDC")))
                .body(not(containsString("Exception")));
    }

    public static class UnreachableIdentityProvider implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:" + Ports.closed() + "/realms/sales");
        }

        @Override
        public void stop() {
        }
    }
}
