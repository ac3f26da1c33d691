package dev.salesplatform.testkit;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The service's management interface under test: health and metrics live there, on a port of their
 * own, not on the API port that the gateway routes to.
 */
public final class Management {

    private Management() {
    }

    /** A request to the management interface, with whole paths as operators use them: {@code /q/health/ready}. */
    public static RequestSpecification given() {
        // Quarkus' test URL ends in the management root path (/q); paths here include it.
        URI management = URI.create(TestHTTPResourceManager.getManagementUri());
        return RestAssured.given().baseUri(management.getScheme() + "://" + management.getAuthority());
    }
}
