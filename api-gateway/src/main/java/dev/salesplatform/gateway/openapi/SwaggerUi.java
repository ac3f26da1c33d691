package dev.salesplatform.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import dev.salesplatform.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Swagger UI from the {@code org.webjars:swagger-ui} jar at {@code /q/swagger-ui/}, showing the merged
 * document and logging in through Keycloak with the authorization code flow and PKCE (public client,
 * no secret in the page). Its redirect page {@code oauth2-redirect.html} comes from the same jar.
 */
public final class SwaggerUi {

    public static final String PATH = "/q/swagger-ui";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private SwaggerUi() {
    }

    public static void register(Router router, GatewayConfig.Oidc oidc) {
        String initializer = initializer(oidc.clientId());
        // Vert.x matches this route with and without the trailing slash; the page's relative links need it.
        read(router, PATH).handler(context -> {
            if (context.request().path().equals(PATH)) {
                context.redirect(PATH + "/");
            } else {
                context.next();
            }
        });
        read(router, PATH + "/swagger-initializer.js").handler(context -> context.response()
                .putHeader("Content-Type", "application/javascript").end(initializer));
        read(router, PATH + "/*").handler(StaticHandler.create(WEBJAR + webjarVersion()));
    }

    private static Route read(Router router, String path) {
        return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
    }

    static String initializer(String clientId) {
        return """
                window.onload = function () {
                  window.ui = SwaggerUIBundle({
                    url: "/q/openapi",
                    dom_id: "#swagger-ui",
                    deepLinking: true,
                    persistAuthorization: true,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                    layout: "StandaloneLayout",
                    oauth2RedirectUrl: window.location.origin + "%s/oauth2-redirect.html"
                  });
                  window.ui.initOAuth({ clientId: %s, usePkceWithAuthorizationCodeGrant: true, scopes: "openid" });
                };
                """.formatted(PATH, Json.encode(clientId));
    }

    private static String webjarVersion() {
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
