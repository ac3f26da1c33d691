package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The whole sales journey through the gateway with real tokens, and the manager's figures at the
 * end, each equal to its hand-computed value. The journey's SDR, AE and CSM are new users of its own,
 * so the figures (filtered by them) do not depend on what else the stack holds.
 * <pre>
 * 10 leads imported; the SDR claims them, contacts 0-7, qualifies 0-4, disqualifies 5 and 6, hands 0-3 off.
 * Deals 0-3 appear for the AE: 0 through a proposal (10 seats x 1000.00 -10 % + 2000.00 = 11000.00, accepted)
 * and won at 11000.00 (MRR 1000.00); 1 has an obstacle, won once resolved at 20000.00 (MRR 2000.00);
 * 2 won at 30000.00 (MRR 3000.00); 3 lost on PRICE.
 * Customers 0-2 onboard by themselves, contracts ending within 90 days, so their renewals open at once.
 * Then (the retention period starts): NPS 10, 9, 3; customer 0 renewed at 1200.00 (+200), customer 1
 * expanded by 500.00, customer 2 churned at its renewal (-3000.00); customer 0 refers a company.
 * Funnel: 10 created, 8 contacted, 5 qualified, 4 handed off, 3 won: conversion 0.3000.
 * Deals: 3 won, 1 lost: win rate 0.7500; won 61000.00, average 20333.33.
 * Retention: S 3, E 2, N 0: 0.6667, logo churn 0.3333; MRR 6000.00 -> 3700.00, expansion 700.00, churn
 * 3000.00; GRR 3000 / 6000 = 0.5000, NRR 3700 / 6000 = 0.6167; renewals 1 of 2 = 0.5000; NPS (2 - 1) / 3 = 33.33.
 * </pre>
 */
class SalesJourneyE2eTest {

    static final String API = Stack.GATEWAY + "/api/v1";

    final String marker = UUID.randomUUID().toString().substring(0, 8);

    static ValidatableResponse post(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).when().post(API + path).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(API + path).then();
    }

    static Map<String, Object> rate(int numerator, int denominator, String value) {
        Map<String, Object> rate = new HashMap<>();
        rate.put("numerator", numerator);
        rate.put("denominator", denominator);
        rate.put("value", value);
        return rate;
    }

    @Test
    void fromImportToTheManagersFigures() {
        Instant journeyStart = Instant.now().minusSeconds(1);
        String sdrId = Stack.newUser("journey-sdr-" + marker, "sdr");
        String aeId = Stack.newUser("journey-ae-" + marker, "account-executive");
        String csmId = Stack.newUser("journey-csm-" + marker, "customer-success");
        String sdr = Stack.userToken("journey-sdr-" + marker);
        String ae = Stack.userToken("journey-ae-" + marker);
        String csm = Stack.userToken("journey-csm-" + marker);
        String manager = Stack.userToken("morgan.manager");

        // A marketing tool imports ten leads.
        StringBuilder csv = new StringBuilder("firstName,lastName,email,title,companyName,companyEmployees,source\n");
        for (int i = 0; i < 10; i++) {
            // A domain per company: customers of one e-mail domain would be one customer.
            csv.append("Lead").append(i).append(",Journey,lead@company").append(i).append('-').append(marker)
                    .append(".example.org,CTO,Company").append(i).append('-').append(marker).append(",200,")
                    .append(i % 2 == 0 ? "WEB_FORM" : "EVENT").append('\n');
        }
        String integration = Stack.integrationToken();
        String job = given().auth().oauth2(integration).contentType("text/csv").body(csv.toString())
                .when().post(API + "/lead-imports").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(given().auth().oauth2(integration)
                .when().get(Stack.GATEWAY + job).then().statusCode(200).extract().path("status")));

        // The SDR claims and works them.
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<String> found = get(sdr, "/leads?q=Company" + i + "-" + marker).statusCode(200).extract().path("items.id");
            assertEquals(1, found.size());
            leads.add(found.get(0));
            post(sdr, "/leads/" + found.get(0) + "/assign", "{\"ownerId\": \"" + sdrId + "\"}").statusCode(200);
        }
        for (int i = 0; i < 8; i++) {
            post(sdr, "/leads/" + leads.get(i) + "/activities", "{\"type\": \"CALL\", \"outcome\": \"Reached\"}")
                    .statusCode(201);
        }
        for (int i = 0; i < 5; i++) {
            post(sdr, "/leads/" + leads.get(i) + "/qualify", """
                    {"budget": {"amount": "50000.00", "currency": "EUR"}, "authority": "CTO", "need": "Forecasting",
                     "timeline": "2099-06-30"}""").statusCode(200).body("status", equalTo("QUALIFIED"));
        }
        for (int i = 5; i < 7; i++) {
            post(sdr, "/leads/" + leads.get(i) + "/disqualify", "{\"reason\": \"NO_BUDGET\"}").statusCode(200);
        }
        for (int i = 0; i < 4; i++) {
            post(sdr, "/leads/" + leads.get(i) + "/handoff", """
                    {"accountExecutiveId": "%s", "estimatedValue": {"amount": "%d.00", "currency": "EUR"}}"""
                    .formatted(aeId, 10_000 * (i + 1))).statusCode(200).body("status", equalTo("HANDED_OFF"));
        }

        // The AE's deals appear by themselves and are worked to a close.
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String company = "Company" + i + "-" + marker;
            await().atMost(Duration.ofSeconds(60)).until(() -> get(ae, "/deals?q=" + company).statusCode(200)
                    .extract().<List<String>>path("items.id").size() == 1);
            deals.add(get(ae, "/deals?q=" + company).extract().path("items[0].id"));
        }
        String deal0 = "/deals/" + deals.get(0);
        post(ae, deal0 + "/stage", "{\"stage\": \"PROPOSAL\"}").statusCode(200);
        String proposal = post(ae, deal0 + "/proposals", """
                {"lines": [{"product": "Seat", "quantity": "10", "unitPrice": {"amount": "1000.00", "currency": "EUR"},
                            "discountPercent": "10"},
                           {"product": "Onboarding", "quantity": "1", "unitPrice": {"amount": "2000.00", "currency": "EUR"}}],
                 "validUntil": "%s"}""".formatted(LocalDate.now(ZoneOffset.UTC).plusDays(30)))
                .statusCode(201).body("total.amount", equalTo("11000.00")).extract().path("id");
        post(ae, deal0 + "/proposals/" + proposal + "/send", "{}").statusCode(200);
        post(ae, deal0 + "/proposals/" + proposal + "/accept", "{}").statusCode(200);
        get(ae, deal0).body("amount.amount", equalTo("11000.00"));
        win(ae, deals.get(0), "11000.00", "1000.00").statusCode(200);

        String deal1 = "/deals/" + deals.get(1);
        String obstacle = post(ae, deal1 + "/obstacles", "{\"type\": \"LEGAL\", \"notes\": \"DPA\"}").statusCode(201)
                .extract().path("id");
        win(ae, deals.get(1), "20000.00", "2000.00").statusCode(409).body("openObstacles", hasItem(obstacle));
        post(ae, deal1 + "/obstacles/" + obstacle + "/resolve", "{\"resolution\": \"DPA signed\"}").statusCode(200);
        win(ae, deals.get(1), "20000.00", "2000.00").statusCode(200);
        win(ae, deals.get(2), "30000.00", "3000.00").statusCode(200);
        post(ae, "/deals/" + deals.get(3) + "/lose", "{\"reason\": \"PRICE\", \"competitor\": \"Acme\"}").statusCode(200);

        // Customers onboard by themselves. The manager gives customer 0 to the CSM, and customer 1 first to
        // another CSM, then to the CSM; the CSM claims customer 2. Their renewals are open.
        String otherCsmId = Stack.newUser("journey-csm2-" + marker, "customer-success");
        List<String> customers = new ArrayList<>();
        List<String> renewals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String company = "Company" + i + "-" + marker;
            await().atMost(Duration.ofSeconds(60)).until(() -> get(manager, "/customers?q=" + company).statusCode(200)
                    .extract().<List<String>>path("items.id").size() == 1);
            String customer = get(manager, "/customers?q=" + company).extract().path("items[0].id");
            customers.add(customer);
            if (i == 1) {
                post(manager, "/customers/" + customer + "/assign", "{\"csmId\": \"" + otherCsmId + "\"}")
                        .statusCode(200);
            }
            post(i == 2 ? csm : manager, "/customers/" + customer + "/assign", "{\"csmId\": \"" + csmId + "\"}")
                    .statusCode(200).body("csmId", equalTo(csmId));
            renewals.add(get(csm, "/renewals?customer=" + customer + "&status=OPEN").statusCode(200)
                    .extract().path("items[0].id"));
        }
        Instant retentionFrom = Instant.now();

        // The CSM's quarter: NPS, a renewal with more MRR, an expansion, a churn at renewal, a referral.
        int[] scores = {10, 9, 3};
        for (int i = 0; i < 3; i++) {
            post(csm, "/customers/" + customers.get(i) + "/feedback", "{\"score\": " + scores[i] + "}").statusCode(201);
        }
        post(csm, "/renewals/" + renewals.get(0) + "/renew", """
                {"termMonths": 12, "newMrr": {"amount": "1200.00", "currency": "EUR"}}""").statusCode(200);
        post(csm, "/customers/" + customers.get(1) + "/expansions", """
                {"delta": {"amount": "500.00", "currency": "EUR"}, "kind": "UPSELL", "reason": "10 more seats"}""")
                .statusCode(200);
        post(csm, "/renewals/" + renewals.get(2) + "/churn", "{\"reason\": \"BUDGET\"}").statusCode(200);
        get(csm, "/customers/" + customers.get(2)).body("status", equalTo("CHURNED"));
        post(csm, "/customers/" + customers.get(0) + "/referrals", """
                {"companyName": "Referred-%s", "contact": {"firstName": "Rita", "lastName": "Ref",
                 "email": "rita-%s@example.com"}}""".formatted(marker, marker)).statusCode(201);
        // The referral becomes a lead of source REFERRAL by itself.
        await().atMost(Duration.ofSeconds(60)).until(() -> get(manager, "/leads?q=rita-" + marker).statusCode(200)
                .extract().<List<String>>path("items.source").equals(List.of("REFERRAL")));
        Instant retentionTo = Instant.now().plusSeconds(1);

        // The manager sets targets and reads the figures.
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        put(manager, "/analytics/targets/" + aeId + "/" + month + "/REVENUE",
                "{\"value\": \"80000\", \"currency\": \"EUR\"}").statusCode(201);
        put(manager, "/analytics/targets/" + sdrId + "/" + month + "/QUALIFIED_LEADS", "{\"value\": \"4\"}")
                .statusCode(201);
        Map<String, String> cohort = Map.of("from", journeyStart.toString(), "to", retentionTo.toString(), "owner", sdrId);
        Map<String, String> closed = Map.of("from", journeyStart.toString(), "to", retentionTo.toString(), "owner", aeId);
        Map<String, String> quarter = Map.of("from", retentionFrom.toString(), "to", retentionTo.toString(), "csm", csmId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            analytics(manager, "/funnel", cohort).body("stages[3].count", equalTo(3));
            analytics(manager, "/deals", closed).body("lost", equalTo(1));
            analytics(manager, "/retention", quarter).body("nps.responses", equalTo(3))
                    .body("mrr[0].churn", equalTo("3000.00")).body("mrr[0].expansion", equalTo("700.00"));
        });
        analytics(manager, "/funnel", cohort).body("created", equalTo(10))
                .body("stages.count", equalTo(List.of(8, 5, 4, 3)))
                .body("conversionRate", equalTo(rate(3, 10, "0.3000")));
        analytics(manager, "/deals", closed).body("won", equalTo(3)).body("lost", equalTo(1))
                .body("winRate", equalTo(rate(3, 4, "0.7500")))
                .body("wonSize[0].total.amount", equalTo("61000.00"))
                .body("wonSize[0].average.amount", equalTo("20333.33"))
                .body("lostReasons", equalTo(List.of(Map.of("reason", "PRICE", "count", 1))));
        analytics(manager, "/retention", quarter)
                .body("customers", equalTo(Map.of("start", 3, "end", 2, "onboarded", 0, "churned", 1)))
                .body("customerRetentionRate", equalTo(rate(2, 3, "0.6667")))
                .body("logoChurnRate", equalTo(rate(1, 3, "0.3333")))
                .body("mrr[0].start", equalTo("6000.00")).body("mrr[0].end", equalTo("3700.00"))
                .body("mrr[0].contraction", equalTo("0.00"))
                .body("mrr[0].grossRevenueRetention.value", equalTo("0.5000"))
                .body("mrr[0].netRevenueRetention.value", equalTo("0.6167"))
                .body("renewalRate", equalTo(rate(1, 2, "0.5000")))
                .body("nps.score", equalTo("33.33"));
        String row = "rows.find { it.repId == '%s' }.";
        analytics(manager, "/reps", Map.of("period", month))
                .body(row.formatted(sdrId) + "sdr.leadsCreated", equalTo(10))
                .body(row.formatted(sdrId) + "sdr.qualifiedInPeriod", equalTo(5))
                .body(row.formatted(sdrId) + "targets[0].attainment.value", equalTo("1.2500"))
                .body(row.formatted(aeId) + "ae.won", equalTo(3))
                .body(row.formatted(aeId) + "ae.revenue[0].amount", equalTo("61000.00"))
                .body(row.formatted(aeId) + "targets[0].attainment.value", equalTo("0.7625"))
                .body(row.formatted(csmId) + "csm.activeCustomers", equalTo(2))
                .body(row.formatted(csmId) + "csm.churnedCustomers", equalTo(1))
                .body(row.formatted(csmId) + "csm.mrr[0].bookMrr", equalTo("3700.00"));
        // A rep sees only their own row.
        analytics(sdr, "/reps", Map.of("period", month)).body("rows.repId", equalTo(List.of(sdrId)));
        analytics(manager, "/retention", Map.of("from", retentionFrom.toString(), "to", retentionTo.toString(),
                "csm", otherCsmId)).body("customers.start", equalTo(0));

        // A rebuild from offset 0 completes, and every figure a manager reads is what it was before.
        List<Map.Entry<String, Map<String, String>>> reads = List.of(
                Map.entry("/funnel", cohort), Map.entry("/funnel", Map.of("from", journeyStart.toString(),
                        "to", retentionTo.toString())),
                Map.entry("/conversion", Map.of("from", journeyStart.toString(), "to", retentionTo.toString(),
                        "groupBy", "owner")),
                Map.entry("/conversion", Map.of("from", journeyStart.toString(), "to", retentionTo.toString(),
                        "groupBy", "source")),
                Map.entry("/deals", closed), Map.entry("/pipeline", Map.of("owner", aeId)),
                Map.entry("/retention", quarter), Map.entry("/retention", Map.of("from", retentionFrom.toString(),
                        "to", retentionTo.toString())),
                Map.entry("/retention", Map.of("from", retentionFrom.toString(), "to", retentionTo.toString(),
                        "csm", otherCsmId)),
                Map.entry("/reps", Map.of("period", month)),
                Map.entry("/timeseries", Map.of("metric", "deals-won", "interval", "day",
                        "from", journeyStart.toString(), "to", retentionTo.toString())),
                Map.entry("/timeseries", Map.of("metric", "revenue-won", "currency", "EUR", "interval", "day",
                        "from", journeyStart.toString(), "to", retentionTo.toString())));
        List<String> before = reads.stream().map(r -> figures(manager, r.getKey(), r.getValue())).toList();
        String admin = Stack.userToken("ada.admin");
        String previous = get(admin, "/analytics/rebuild").statusCode(200).extract().path("id");
        post(admin, "/analytics/rebuild", "{}").statusCode(202);
        await().atMost(Duration.ofSeconds(180)).until(() -> {
            var status = get(admin, "/analytics/rebuild").statusCode(200).extract().jsonPath();
            return !String.valueOf(previous).equals(status.getString("id")) && !"RUNNING".equals(status.getString("state"));
        });
        get(admin, "/analytics/rebuild").body("state", equalTo("COMPLETED"));
        for (int i = 0; i < reads.size(); i++) {
            assertEquals(before.get(i), figures(manager, reads.get(i).getKey(), reads.get(i).getValue()),
                    reads.get(i).getKey() + " " + reads.get(i).getValue() + " after the rebuild");
        }
    }

    /** A figure as a manager reads it, without completeUntil (how fresh, not what). */
    static String figures(String token, String path, Map<String, String> query) {
        return analytics(token, path, query).extract().asString().replaceAll("\"completeUntil\":\"[^\"]*\"", "");
    }

    static ValidatableResponse win(String token, String deal, String amount, String mrr) {
        return post(token, "/deals/" + deal + "/win", """
                {"finalAmount": {"amount": "%s", "currency": "EUR"},
                 "contract": {"startDate": "%s", "termMonths": 12,
                              "monthlyRecurringRevenue": {"amount": "%s", "currency": "EUR"}}}"""
                .formatted(amount, LocalDate.now(ZoneOffset.UTC).minusMonths(11), mrr));
    }

    static ValidatableResponse put(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).when().put(API + path).then();
    }

    static ValidatableResponse analytics(String token, String path, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).when().get(API + "/analytics" + path).then()
                .statusCode(200);
    }
}
