package dev.salesplatform.deal.messaging;

import dev.salesplatform.testkit.ConsumerContractTest;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The event catalogue drives LeadHandOffConsumer: every type of sales.lead.events ({@link ConsumerContractTest}). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadEventsContractTest extends ConsumerContractTest {

    @Override
    protected String topic() {
        return "sales.lead.events";
    }

    @Override
    protected String consumer() {
        return LeadHandOffConsumer.CONSUMER;
    }

    @Override
    protected boolean knows(String type) {
        return LeadHandOffConsumer.TYPES.known(type);
    }

    @Override
    protected boolean handles(String type) {
        return LeadHandOffConsumer.TYPES.handled().contains(type);
    }
}
