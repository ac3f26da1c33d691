package dev.salesplatform.lead.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class ActorTest {

    static final UUID ME = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final Actor SDR = new Actor(ME, false, true);
    static final Actor MANAGER = new Actor(ME, true, false);
    static final Actor NEITHER = new Actor(ME, false, false);

    @Test
    void sdrWorksOnlyOwnLeadsManagersAll() {
        assertTrue(SDR.canWork(ME));
        assertFalse(SDR.canWork(OTHER));
        assertFalse(SDR.canWork(null));
        assertTrue(MANAGER.canWork(OTHER));
        assertTrue(MANAGER.canWork(null));
        assertFalse(NEITHER.canWork(ME));
    }

    @Test
    void sdrOnlyClaimsUnassignedLeadsForThemselves() {
        assertTrue(SDR.canAssign(null, ME));
        assertFalse(SDR.canAssign(null, OTHER));
        assertFalse(SDR.canAssign(OTHER, ME));
        assertFalse(SDR.canAssign(ME, OTHER));
        assertTrue(MANAGER.canAssign(OTHER, ME));
        assertTrue(MANAGER.canAssign(null, OTHER));
        assertFalse(NEITHER.canAssign(null, ME));
    }
}
