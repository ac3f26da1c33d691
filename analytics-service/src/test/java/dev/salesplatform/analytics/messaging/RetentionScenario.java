package dev.salesplatform.analytics.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A quarter of customer success (Q1 2017, [2017-01-01, 2017-04-01)), one CSM, figures by hand:
 * <pre>
 * C1 onboarded 2016-06 at 1000 EUR; Q1: upsell +200, renewal R1 renewed with +100 (kind RENEWAL)
 * C2 onboarded 2016-07 at 2000 EUR; Q1: downgrade -500
 * C3 onboarded 2016-08 at 1500 EUR; Q1: churned at renewal R3 (mrrLost 1500)
 * C4 onboarded 2016-09 at  500 EUR, second won deal 2016-12 +400 (NEW_CONTRACT); Q1: that contract not renewed
 *    (renewal R4, NON_RENEWAL -400)
 * C5 onboarded in Q1 (2017-02-10) at 800 EUR, upsell +100 in Q1
 * C6 onboarded 2016-05 at 300 EUR, churned 2016-12 (before the quarter)
 * C8 onboarded 2016-11 at 1000 USD, nothing in Q1
 * </pre>
 * S = {C1, C2, C3, C4, C8} = 5, E = {C1, C2, C4, C5, C8} = 5, N = 1: retention (5 - 1) / 5 = 0.8000, logo churn
 * 1 / 5 = 0.2000. EUR: MRR_S = 1000 + 2000 + 1500 + 900 = 5400; in Q1 new 800, expansion 400 (300 of S),
 * contraction 900, churn 1500, end 4200; GRR = (5400 - 900 - 1500) / 5400 = 0.5556, NRR = (5400 + 300 - 900 - 1500)
 * / 5400 = 0.6111. USD: 1000 throughout, GRR = NRR = 1.0000. Renewals in Q1: R1 renewed, R3 and R4 churned:
 * 1 / 3 = 0.3333. NPS of 10 responses in Q1 (10, 9, 9, 8, 7, 6, 3, 0, 10, 9): 5 promoters, 2 passives,
 * 3 detractors: 20.00 (a 0 on 2016-12-31 is outside).
 */
public final class RetentionScenario {

    public final UUID csm = UUID.randomUUID();
    public final EventLog events = new EventLog();

    public RetentionScenario() {
        UUID c1 = onboard("2016-06-01", "1000.00", "EUR");
        expanded(c1, "2017-02-01", 1, "UPSELL", "1000.00", "1200.00", "200.00", null);
        UUID r1 = UUID.randomUUID();
        renewed(c1, "2017-03-01", 2, r1, "1200.00", "1300.00");
        expanded(c1, "2017-03-01", 2, "RENEWAL", "1200.00", "1300.00", "100.00", r1);

        UUID c2 = onboard("2016-07-01", "2000.00", "EUR");
        contracted(c2, "2017-01-15", 1, "DOWNGRADE", "2000.00", "1500.00", "500.00", null);

        UUID c3 = onboard("2016-08-01", "1500.00", "EUR");
        churned(c3, "2017-02-15", 1, UUID.randomUUID(), "[{\"amount\": \"1500.00\", \"currency\": \"EUR\"}]");

        UUID c4 = onboard("2016-09-01", "500.00", "EUR");
        expanded(c4, "2016-12-01", 1, "NEW_CONTRACT", "0.00", "400.00", "400.00", null);
        contracted(c4, "2017-03-20", 2, "NON_RENEWAL", "400.00", "0.00", "400.00", UUID.randomUUID());

        UUID c5 = onboard("2017-02-10", "800.00", "EUR");
        expanded(c5, "2017-03-10", 1, "UPSELL", "800.00", "900.00", "100.00", null);

        UUID c6 = onboard("2016-05-01", "300.00", "EUR");
        churned(c6, "2016-12-01", 1, null, "[{\"amount\": \"300.00\", \"currency\": \"EUR\"}]");

        UUID c8 = onboard("2016-11-01", "1000.00", "USD");

        int[] scores = {10, 9, 9, 8, 7, 6, 3, 0, 10, 9};
        UUID[] who = {c1, c2, c4, c5, c8};
        for (int i = 0; i < scores.length; i++) {
            feedback(who[i % who.length], "2017-01-" + String.format("%02d", 10 + i) + "T12:00:00Z", scores[i]);
        }
        feedback(c2, "2016-12-31T12:00:00Z", 0);
    }

    private UUID onboard(String day, String mrr, String currency) {
        UUID customer = UUID.randomUUID();
        events.customer("customer.onboarded.v1", customer, at(day), 0, "\"companyName\": \"Co " + customer + "\", "
                + "\"csmId\": \"" + csm + "\", \"dealId\": \"" + UUID.randomUUID() + "\", \"leadId\": null, "
                + "\"contract\": {\"contractId\": \"" + UUID.randomUUID() + "\", \"startDate\": \"" + day + "\", "
                + "\"termMonths\": 12, \"mrr\": " + money(mrr, currency) + "}");
        return customer;
    }

    private void expanded(UUID customer, String day, long version, String kind, String before, String after,
                          String delta, UUID renewal) {
        movement("customer.expanded.v1", customer, day, version, kind, before, after, delta, renewal);
    }

    private void contracted(UUID customer, String day, long version, String kind, String before, String after,
                            String delta, UUID renewal) {
        movement("customer.contracted.v1", customer, day, version, kind, before, after, delta, renewal);
    }

    private void movement(String type, UUID customer, String day, long version, String kind, String before,
                          String after, String delta, UUID renewal) {
        events.customer(type, customer, at(day), version, "\"csmId\": \"" + csm + "\", \"contractId\": \""
                + UUID.randomUUID() + "\", \"kind\": \"" + kind + "\", \"reason\": null, \"mrrBefore\": "
                + money(before, "EUR") + ", \"mrrAfter\": " + money(after, "EUR") + ", \"delta\": " + money(delta, "EUR")
                + ", \"dealId\": null, \"renewalId\": " + (renewal == null ? "null" : "\"" + renewal + "\""));
    }

    private void renewed(UUID customer, String day, long version, UUID renewal, String before, String after) {
        events.customer("customer.renewed.v1", customer, at(day), version, "\"renewalId\": \"" + renewal + "\", "
                + "\"csmId\": \"" + csm + "\", \"previousContractId\": \"" + UUID.randomUUID() + "\", \"previousMrr\": "
                + money(before, "EUR") + ", \"newMrr\": " + money(after, "EUR"));
    }

    private void churned(UUID customer, String day, long version, UUID renewal, String mrrLost) {
        events.customer("customer.churned.v1", customer, at(day), version, "\"csmId\": \"" + csm + "\", "
                + "\"reason\": \"PRICE\", \"note\": null, \"renewalId\": " + (renewal == null ? "null" : "\"" + renewal
                + "\"") + ", \"contractIds\": [], \"closedRenewalIds\": " + (renewal == null ? "[]" : "[\"" + renewal
                + "\"]") + ", \"mrrLost\": " + mrrLost);
    }

    private void feedback(UUID customer, String time, int score) {
        events.customer("customer.feedback-recorded.v1", customer, Instant.parse(time), 9, "\"csmId\": \"" + csm
                + "\", \"feedbackId\": \"" + UUID.randomUUID() + "\", \"score\": " + score + ", \"comment\": null");
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T09:00:00Z");
    }

    private static String money(String amount, String currency) {
        return "{\"amount\": \"" + amount + "\", \"currency\": \"" + currency + "\"}";
    }
}
