package dev.salesplatform.deal.domain;

/** An obstacle is OPEN until someone resolves it. */
public enum ObstacleStatus {
    OPEN, RESOLVED
}
