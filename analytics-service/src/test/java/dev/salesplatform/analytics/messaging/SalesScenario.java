package dev.salesplatform.analytics.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The seed article's numbers as events, with figures computed by hand:
 * <ul>
 * <li>100 leads of one SDR, created hourly from {@code start}, sources WEB_FORM, EVENT, REFERRAL, OUTBOUND in turn
 * (25 each); leads 0-79 contacted, 0-49 qualified, 0-29 handed off to one AE, each hand-off opening a deal
 * (amount 1000 + 100 i EUR);</li>
 * <li>deals 0-19 won at their amount, deal i after (i + 1)^2 hours: won total 39000.00, average 1950.00, cycle
 * median (100 + 121) / 2 = 110.5 h = 4.60 days, mean 2870 / 20 = 143.5 h = 5.98 days;</li>
 * <li>deals 20-24 lost (PRICE x3, COMPETITOR x2): win rate 20 / 25 = 0.8000;</li>
 * <li>deals 25-29 open: 25, 26 in DISCOVERY (0.2), 27 moved to DEMO (0.4), 28 and 29 to PROPOSAL (0.6), 29's
 * amount raised to 5000.00; so DISCOVERY 7100.00 (weighted 1420.00), DEMO 3700.00 (1480.00),
 * PROPOSAL 8800.00 (5280.00).</li>
 * </ul>
 * Funnel: 100 created, 80 contacted, 50 qualified, 30 handed off, 20 won: conversion 20 / 100 = 0.2000.
 */
public final class SalesScenario {

    public static final String[] SOURCES = {"WEB_FORM", "EVENT", "REFERRAL", "OUTBOUND"};

    public final Instant start;
    public final UUID sdr = UUID.randomUUID();
    public final UUID ae = UUID.randomUUID();
    public final List<UUID> leads = new ArrayList<>();
    public final List<UUID> deals = new ArrayList<>();
    public final EventLog events = new EventLog();

    public SalesScenario(Instant start) {
        this.start = start;
        for (int i = 0; i < 100; i++) {
            lead(i);
        }
    }

    private void lead(int i) {
        UUID lead = UUID.randomUUID();
        leads.add(lead);
        Instant created = start.plus(Duration.ofHours(i));
        String owner = "\"ownerId\": \"" + sdr + "\"";
        events.lead("lead.created.v1", lead, created, 0, "\"source\": \"" + SOURCES[i % 4] + "\", \"status\": \"NEW\", "
                + "\"ownerId\": null");
        events.lead("lead.assigned.v1", lead, created.plusSeconds(10), 1, owner + ", \"previousOwnerId\": null");
        if (i >= 80) {
            // A note does not contact the lead.
            events.lead("lead.activity-logged.v1", lead, created.plusSeconds(20), 2, owner
                    + ", \"activityType\": \"NOTE\", \"previousStatus\": \"NEW\", \"status\": \"NEW\"");
            return;
        }
        events.lead("lead.activity-logged.v1", lead, created.plusSeconds(20), 2, owner
                + ", \"activityType\": \"CALL\", \"previousStatus\": \"NEW\", \"status\": \"CONTACTED\"");
        if (i >= 50) {
            return;
        }
        events.lead("lead.qualified.v1", lead, created.plusSeconds(30), 3, owner);
        if (i >= 30) {
            return;
        }
        Instant handedOff = created.plusSeconds(40);
        events.lead("lead.handed-off.v1", lead, handedOff, 4, owner + ", \"accountExecutiveId\": \"" + ae + "\"");
        deal(i, lead, handedOff.plusSeconds(60));
    }

    private void deal(int i, UUID lead, Instant created) {
        UUID deal = UUID.randomUUID();
        deals.add(deal);
        String amount = (1000 + 100 * i) + ".00";
        String owner = "\"ownerId\": \"" + ae + "\"";
        String money = "{\"amount\": \"" + amount + "\", \"currency\": \"EUR\"}";
        events.deal("deal.created.v1", deal, created, 0, owner + ", \"leadId\": \"" + lead + "\", \"pipelineId\": \""
                + PIPELINE + "\", \"stage\": \"DISCOVERY\", \"winProbability\": \"0.2\", \"amount\": " + money
                + ", \"expectedCloseDate\": \"" + (i % 2 == 0 ? "2030-05-15" : "2030-06-15") + "\"");
        if (i < 20) {
            events.deal("deal.won.v1", deal, created.plus(Duration.ofHours((long) (i + 1) * (i + 1))), 1, owner
                    + ", \"leadId\": \"" + lead + "\", \"finalAmount\": " + money + ", \"from\": \"DISCOVERY\", "
                    + "\"stage\": \"CLOSED_WON\"");
        } else if (i < 25) {
            events.deal("deal.lost.v1", deal, created.plus(Duration.ofDays(2)), 1, owner + ", \"leadId\": \"" + lead
                    + "\", \"reason\": \"" + (i < 23 ? "PRICE" : "COMPETITOR") + "\", \"from\": \"DISCOVERY\", "
                    + "\"stage\": \"CLOSED_LOST\"");
        } else if (i == 27) {
            stage(deal, created.plusSeconds(60), 1, "DEMO", "0.4", money);
        } else if (i >= 28) {
            stage(deal, created.plusSeconds(60), 1, "PROPOSAL", "0.6", money);
            if (i == 29) {
                events.deal("deal.updated.v1", deal, created.plusSeconds(120), 2, owner
                        + ", \"changes\": {\"amount.amount\": \"5000.00\"}");
            }
        }
    }

    private void stage(UUID deal, Instant at, long version, String to, String probability, String money) {
        events.deal("deal.stage-changed.v1", deal, at, version, "\"ownerId\": \"" + ae + "\", \"pipelineId\": \""
                + PIPELINE + "\", \"from\": \"DISCOVERY\", \"to\": \"" + to + "\", \"winProbability\": \"" + probability
                + "\", \"amount\": " + money);
    }

    static final String PIPELINE = "01930000-0000-7000-8000-000000000001";

    /** The cohort period: the 100 leads are created in its first 100 hours. */
    public String cohortFrom() {
        return start.toString();
    }

    public String cohortTo() {
        return start.plus(Duration.ofDays(30)).toString();
    }
}
