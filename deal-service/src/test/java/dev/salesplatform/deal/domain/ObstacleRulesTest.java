package dev.salesplatform.deal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ObstacleRulesTest {

    @Test
    void aDealWithoutOpenObstaclesWinsWithoutOverride() {
        assertNull(ObstacleRules.overrideForWin(List.of(), null));
    }

    @Test
    void openObstaclesBlockAWinWithoutOverrideAndAreListed() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        OpenObstaclesException e = assertThrows(OpenObstaclesException.class,
                () -> ObstacleRules.overrideForWin(List.of(a, b), null));
        assertEquals(List.of(a, b), e.openObstacles());
    }

    @Test
    void anOverrideReasonAllowsTheWinAndIsRecorded() {
        assertEquals("CFO signed off", ObstacleRules.overrideForWin(List.of(UUID.randomUUID()), "  CFO signed off "));
        assertEquals("x".repeat(500), ObstacleRules.overrideForWin(List.of(UUID.randomUUID()), "x".repeat(500)));
    }

    @Test
    void anOverrideWithoutOpenObstaclesIsStillRecorded() {
        assertEquals("just in case", ObstacleRules.overrideForWin(List.of(), "just in case"));
    }

    @Test
    void aBlankOrTooLongOverrideReasonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ObstacleRules.overrideForWin(List.of(UUID.randomUUID()), " "));
        assertThrows(IllegalArgumentException.class, () -> ObstacleRules.overrideForWin(List.of(), ""));
        assertThrows(IllegalArgumentException.class,
                () -> ObstacleRules.overrideForWin(List.of(UUID.randomUUID()), "x".repeat(501)));
    }

    @Test
    void onlyOpenObstaclesAreResolved() {
        assertTrue(ObstacleRules.canResolve(ObstacleStatus.OPEN));
        assertFalse(ObstacleRules.canResolve(ObstacleStatus.RESOLVED));
    }
}
