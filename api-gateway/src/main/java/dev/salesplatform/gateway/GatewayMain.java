package dev.salesplatform.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway with Quarkus' own request-target check turned off: Quarkus answers a target that
 * {@code java.net.URI} cannot parse ({@code ?q=%zz}) with an empty 400 before any route runs, whereas
 * the gateway's first handler checks every target more strictly and answers problem+json.
 * Tests and dev mode set the same property in {@code pom.xml}.
 */
@QuarkusMain
public final class GatewayMain {

    /** Read once, when Quarkus' HTTP layer is loaded, hence before {@link Quarkus#run}. */
    private static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
