package dev.salesplatform.customersuccess.domain;

/** The kind of conversation a check-in records; QBR is a quarterly business review. */
public enum CheckInType {
    CALL, MEETING, EMAIL, QBR
}
