package dev.salesplatform.lead.domain;

/** What an SDR did with a lead. CALL, EMAIL and MEETING are contact; a NOTE is not. */
public enum ActivityType {
    CALL, EMAIL, MEETING, NOTE;

    public boolean isContact() {
        return this != NOTE;
    }
}
