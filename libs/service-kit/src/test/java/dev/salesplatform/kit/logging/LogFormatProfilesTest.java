package dev.salesplatform.kit.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Which console format the kit's defaults give in each profile, and that an operator's environment
 * variable overrides production's JSON (text logs for the local stack, which runs the prod profile).
 */
class LogFormatProfilesTest {

    static final String JSON_ENABLED = "quarkus.log.console.json.enabled";

    @Test
    void jsonInProductionTextInDevAndTests() throws IOException {
        assertEquals(true, jsonEnabled("prod", Map.of()));
        assertEquals(false, jsonEnabled("dev", Map.of()));
        assertEquals(false, jsonEnabled("test", Map.of()));
    }

    @Test
    void theEnvironmentTurnsProductionsJsonOff() throws IOException {
        assertEquals(false, jsonEnabled("prod", Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false")));
    }

    private static boolean jsonEnabled(String profile, Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        LogFormatProfilesTest.class.getResource("/META-INF/microprofile-config.properties"), 100))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
        return config.getValue(JSON_ENABLED, Boolean.class);
    }
}
