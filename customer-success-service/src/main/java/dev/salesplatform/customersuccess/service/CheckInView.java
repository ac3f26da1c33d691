package dev.salesplatform.customersuccess.service;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.CheckInType;
import dev.salesplatform.customersuccess.domain.Sentiment;
import dev.salesplatform.customersuccess.persistence.CheckIn;

public record CheckInView(UUID id, UUID customerId, CheckInType type, Sentiment sentiment, String notes,
                          String recordedBy, Instant recordedAt) {

    static CheckInView of(CheckIn c) {
        return new CheckInView(c.id, c.customerId, c.type, c.sentiment, c.notes, c.recordedBy, c.recordedAt);
    }
}
