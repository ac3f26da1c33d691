package dev.salesplatform.deal.domain;

import java.util.List;
import java.util.UUID;

/** A win refused because obstacles are still open and no override was given. */
public class OpenObstaclesException extends RuntimeException {

    private final List<UUID> openObstacles;

    public OpenObstaclesException(List<UUID> openObstacles) {
        super("The deal has " + openObstacles.size() + " open obstacle(s); resolve them or win with an override reason");
        this.openObstacles = List.copyOf(openObstacles);
    }

    public List<UUID> openObstacles() {
        return openObstacles;
    }
}
