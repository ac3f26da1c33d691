package dev.salesplatform.lead.messaging;

import dev.salesplatform.testkit.ConsumerContractTest;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The event catalogue drives ReferralConsumer: every type of sales.customer.events ({@link ConsumerContractTest}). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CustomerEventsContractTest extends ConsumerContractTest {

    @Override
    protected String topic() {
        return "sales.customer.events";
    }

    @Override
    protected String consumer() {
        return ReferralConsumer.CONSUMER;
    }

    @Override
    protected boolean knows(String type) {
        return ReferralConsumer.TYPES.known(type);
    }

    @Override
    protected boolean handles(String type) {
        return ReferralConsumer.TYPES.handled().contains(type);
    }
}
