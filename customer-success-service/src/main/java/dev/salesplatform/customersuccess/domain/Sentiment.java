package dev.salesplatform.customersuccess.domain;

/** How the customer came across in a check-in. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE
}
