package dev.salesplatform.analytics.domain;

/** The rep roles analytics reviews: lead owners (SDR), deal owners (AE), customers' CSMs (CSM). */
public enum RepRole {
    SDR, AE, CSM
}
