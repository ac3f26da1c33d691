package dev.salesplatform.deal.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class ActorTest {

    static final UUID ME = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    @Test
    void anAccountExecutiveWorksAndReadsOnlyTheirOwnDeals() {
        Actor ae = new Actor(ME, false, true, false);
        assertTrue(ae.canWork(ME));
        assertTrue(ae.canRead(ME));
        assertFalse(ae.canWork(OTHER));
        assertFalse(ae.canRead(OTHER));
        assertFalse(ae.readsAll());
    }

    @Test
    void aSalesSpecialistReadsEveryDealAndWorksNone() {
        Actor specialist = new Actor(ME, false, false, true);
        assertTrue(specialist.canRead(OTHER));
        assertTrue(specialist.readsAll());
        assertFalse(specialist.canWork(ME));
        assertFalse(specialist.canWork(OTHER));
    }

    @Test
    void aManagerWorksEveryDeal() {
        Actor manager = new Actor(ME, true, false, false);
        assertTrue(manager.canWork(OTHER));
        assertTrue(manager.canRead(OTHER));
        assertTrue(manager.readsAll());
    }
}
