package dev.salesplatform.kit.database;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TcpGate;

/**
 * The test kit's PostgreSQL behind a {@link TcpGate} that is shut when the application starts: the
 * application starts before its database is reachable, as a service deployed ahead of it would.
 */
public class DatabaseAwayAtStartResource extends PlatformTestResource {

    static TcpGate gate;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        URI jdbc = URI.create(config.get("quarkus.datasource.jdbc.url").substring("jdbc:".length()));
        gate = TcpGate.shutInFrontOf(jdbc.getHost(), jdbc.getPort());
        String hostPort = jdbc.getHost() + ":" + jdbc.getPort();
        String gated = jdbc.getHost() + ":" + gate.port();
        config.put("quarkus.datasource.jdbc.url", config.get("quarkus.datasource.jdbc.url").replace(hostPort, gated));
        config.put("quarkus.datasource.reactive.url", config.get("quarkus.datasource.reactive.url").replace(hostPort, gated));
        return config;
    }

    @Override
    public void stop() {
        gate.close();
    }
}
