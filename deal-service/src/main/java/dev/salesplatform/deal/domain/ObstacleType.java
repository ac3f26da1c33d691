package dev.salesplatform.deal.domain;

/** What kind of obstacle stands in the buying process. */
public enum ObstacleType {
    PRICE, COMPETITOR, TIMING, AUTHORITY, TECHNICAL, LEGAL
}
