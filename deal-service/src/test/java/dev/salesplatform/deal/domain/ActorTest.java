package dev.salesplatform.deal.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ActorTest {

    static final UUID ME = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final Set<UUID> NO_TEAM = Set.of();
    static final Set<UUID> ME_ON_TEAM = Set.of(ME);

    @Test
    void anAccountExecutiveWorksAndReadsOnlyTheirOwnDeals() {
        Actor ae = new Actor(ME, false, true, false);
        assertTrue(ae.canWork(ME, NO_TEAM));
        assertTrue(ae.canRead(ME, NO_TEAM));
        assertTrue(ae.canClose(ME));
        assertFalse(ae.canWork(OTHER, NO_TEAM));
        assertFalse(ae.canRead(OTHER, NO_TEAM));
        assertFalse(ae.canClose(OTHER));
        assertFalse(ae.readsAll());
    }

    @Test
    void anAccountExecutiveOnTheTeamWorksButDoesNotClose() {
        Actor ae = new Actor(ME, false, true, false);
        assertTrue(ae.canWork(OTHER, ME_ON_TEAM));
        assertTrue(ae.canRead(OTHER, ME_ON_TEAM));
        assertFalse(ae.canClose(OTHER));
        assertFalse(ae.canWork(OTHER, Set.of(UUID.randomUUID())));
    }

    @Test
    void aSalesSpecialistWorksOnlyDealsTheyAreOn() {
        Actor specialist = new Actor(ME, false, false, true);
        assertFalse(specialist.canRead(OTHER, NO_TEAM));
        assertFalse(specialist.canWork(OTHER, NO_TEAM));
        assertTrue(specialist.canRead(OTHER, ME_ON_TEAM));
        assertTrue(specialist.canWork(OTHER, ME_ON_TEAM));
        assertFalse(specialist.canClose(OTHER));
        // A specialist owns nothing: owner id alone does not make them a worker.
        assertFalse(specialist.canWork(ME, NO_TEAM));
        assertFalse(specialist.canClose(ME));
        assertFalse(specialist.readsAll());
    }

    @Test
    void aManagerWorksAndClosesEveryDeal() {
        Actor manager = new Actor(ME, true, false, false);
        assertTrue(manager.canWork(OTHER, NO_TEAM));
        assertTrue(manager.canRead(OTHER, NO_TEAM));
        assertTrue(manager.canClose(OTHER));
        assertTrue(manager.readsAll());
    }

    @Test
    void someoneWithoutASalesRoleOnTheTeamStillCannotWorkIt() {
        Actor nobody = new Actor(ME, false, false, false);
        assertFalse(nobody.canWork(OTHER, ME_ON_TEAM));
        assertFalse(nobody.canRead(OTHER, ME_ON_TEAM));
    }
}
