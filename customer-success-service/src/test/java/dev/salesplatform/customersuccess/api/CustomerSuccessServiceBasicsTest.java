package dev.salesplatform.customersuccess.api;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.ServiceBasicsTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CustomerSuccessServiceBasicsTest extends ServiceBasicsTest {
}
