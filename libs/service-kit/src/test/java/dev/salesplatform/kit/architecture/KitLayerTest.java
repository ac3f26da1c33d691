package dev.salesplatform.kit.architecture;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.LayerRules;

/** The kit is infrastructure: it imports no service. */
class KitLayerTest {

    @Test
    void importsNoService() {
        LayerRules.checkLibrary("dev.salesplatform.kit");
    }
}
