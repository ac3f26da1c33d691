package dev.salesplatform.customersuccess.messaging;

import dev.salesplatform.testkit.ConsumerContractTest;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The event catalogue drives DealWonConsumer: every type of sales.deal.events ({@link ConsumerContractTest}). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealEventsContractTest extends ConsumerContractTest {

    @Override
    protected String topic() {
        return "sales.deal.events";
    }

    @Override
    protected String consumer() {
        return DealWonConsumer.CONSUMER;
    }

    @Override
    protected boolean knows(String type) {
        return DealWonConsumer.TYPES.known(type);
    }

    @Override
    protected boolean handles(String type) {
        return DealWonConsumer.TYPES.handled().contains(type);
    }
}
