package dev.salesplatform.deal.domain;

import java.util.List;
import java.util.UUID;

/**
 * Obstacles and winning: a deal with open obstacles is won only with an override reason; a deal
 * without open obstacles needs none.
 */
public final class ObstacleRules {

    public static final int MAX_OVERRIDE_REASON = 500;

    private ObstacleRules() {
    }

    /**
     * The override reason the win records (null when none is needed or given), or
     * {@link OpenObstaclesException} when obstacles are open and no override reason is given.
     * {@code overrideReason}: null when the request has no override.
     */
    public static String overrideForWin(List<UUID> openObstacles, String overrideReason) {
        String reason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
        if (overrideReason != null && reason == null) {
            throw new IllegalArgumentException("An override needs a reason");
        }
        if (reason != null && reason.length() > MAX_OVERRIDE_REASON) {
            throw new IllegalArgumentException("An override reason has at most " + MAX_OVERRIDE_REASON + " characters");
        }
        if (!openObstacles.isEmpty() && reason == null) {
            throw new OpenObstaclesException(openObstacles);
        }
        return reason;
    }

    /** Whether an obstacle in {@code current} status may be resolved. */
    public static boolean canResolve(ObstacleStatus current) {
        return current == ObstacleStatus.OPEN;
    }
}
