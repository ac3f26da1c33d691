package dev.salesplatform.lead.service;

import dev.salesplatform.kit.money.Money;
import dev.salesplatform.lead.domain.LeadSource;

/**
 * A lead's editable fields, as a caller captures them (a create, an import row, a referral) and as an
 * edit changes them. Owner, status and score are not among them: commands change those.
 */
public record LeadDraft(String firstName, String lastName, String email, String phone, String title, Company company,
                        LeadSource source, Attribution attribution, Money estimatedValue, String notes) {

    public record Company(String name, String website, Integer employees, String industry) {

        static final Company NONE = new Company(null, null, null, null);
    }

    /** Marketing attribution: where the lead came from, as the marketing tool saw it. */
    public record Attribution(String utmSource, String utmMedium, String utmCampaign, String utmTerm,
                              String utmContent, String landingPage, String referrer) {

        static final Attribution NONE = new Attribution(null, null, null, null, null, null, null);
    }
}
