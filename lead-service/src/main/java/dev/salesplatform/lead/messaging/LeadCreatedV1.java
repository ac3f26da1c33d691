package dev.salesplatform.lead.messaging;

import java.util.UUID;

import dev.salesplatform.kit.money.Money;
import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;

/** Payload of {@code lead.created.v1}: a lead entered the funnel (see docs/event-catalogue.json). */
public record LeadCreatedV1(UUID leadId, String firstName, String lastName, String email, String phone, String title,
                            Company company, LeadSource source, Attribution attribution, LeadStatus status,
                            UUID ownerId, int score, Money estimatedValue, String referralId) {

    public record Company(String name, String website, Integer employees, String industry) {
    }

    public record Attribution(String utmSource, String utmMedium, String utmCampaign, String utmTerm,
                              String utmContent, String landingPage, String referrer) {
    }
}
