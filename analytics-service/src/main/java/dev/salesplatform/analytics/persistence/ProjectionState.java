package dev.salesplatform.analytics.persistence;

/** Which schema readers use, and which one a rebuild is filling (null when none). */
public record ProjectionState(String active, String building) {
}
