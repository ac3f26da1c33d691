package dev.salesplatform.deal.api;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.ServiceBasicsTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealServiceBasicsTest extends ServiceBasicsTest {
}
