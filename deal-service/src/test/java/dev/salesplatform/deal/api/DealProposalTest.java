package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.admin;
import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.winJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.testkit.EventCatalogue;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Proposals: versions, server-side money maths, statuses, acceptance setting the deal amount, access. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealProposalTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VALID_UNTIL = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

    @Inject
    DataSource db;

    static String proposal(String... lines) {
        return "{\"lines\": [" + String.join(",", lines) + "], \"validUntil\": \"" + VALID_UNTIL
                + "\", \"notes\": \"Annual billing\"}";
    }

    static String line(String product, String quantity, String amount, String currency, String discount) {
        return "{\"product\": \"" + product + "\", \"quantity\": \"" + quantity + "\", \"unitPrice\": {\"amount\": \""
                + amount + "\", \"currency\": \"" + currency + "\"}"
                + (discount == null ? "" : ", \"discountPercent\": \"" + discount + "\"") + "}";
    }

    static String standard() {
        return proposal(line("Analytics seat", "25", "120.00", "EUR", "10"),
                line("Onboarding package", "1", "4500.00", "EUR", null));
    }

    static String path(String dealId) {
        return "/api/v1/deals/" + dealId + "/proposals";
    }

    static ValidatableResponse draft(String token, String dealId, String json) {
        return post(token, path(dealId), json);
    }

    static ValidatableResponse command(String token, String dealId, String proposalId, String command) {
        return post(token, path(dealId) + "/" + proposalId + "/" + command, "{}");
    }

    /** A sent proposal's id. */
    static String sent(String token, String dealId, String json) {
        String id = draft(token, dealId, json).statusCode(201).extract().path("id");
        command(token, dealId, id, "send").statusCode(200);
        return id;
    }

    void expire(String proposalId) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE deal_proposal SET valid_until = current_date - 1 WHERE id = ?")) {
            update.setObject(1, UUID.fromString(proposalId));
            assertEquals(1, update.executeUpdate());
        }
    }

    @Test
    void draftIsPricedServerSideAndNumbered() {
        UUID owner = UUID.randomUUID();
        String deal = create(ae(owner), dealJson("Priced"));
        var created = draft(ae(owner), deal, standard()).statusCode(201)
                .body("dealId", equalTo(deal)).body("number", equalTo(1)).body("status", equalTo("DRAFT"))
                .body("lines", hasSize(2))
                .body("lines[0].product", equalTo("Analytics seat")).body("lines[0].quantity", equalTo("25"))
                .body("lines[0].unitPrice.amount", equalTo("120.00")).body("lines[0].discountPercent", equalTo("10"))
                .body("lines[0].subtotal.amount", equalTo("3000.00"))
                .body("lines[0].discount.amount", equalTo("300.00"))
                .body("lines[0].total.amount", equalTo("2700.00"))
                .body("lines[1].discountPercent", equalTo("0")).body("lines[1].total.amount", equalTo("4500.00"))
                .body("subtotal", equalTo(Map.of("amount", "7500.00", "currency", "EUR")))
                .body("discount.amount", equalTo("300.00")).body("total.amount", equalTo("7200.00"))
                .body("total.currency", equalTo("EUR")).body("validUntil", equalTo(VALID_UNTIL))
                .body("notes", equalTo("Annual billing")).body("createdBy", equalTo(owner.toString()))
                .body("sentAt", nullValue()).body("decidedAt", nullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/deals/" + deal + "/proposals/" + id));
        draft(ae(owner), deal, standard()).statusCode(201).body("number", equalTo(2));
        get(ae(owner), path(deal)).statusCode(200).body("number", equalTo(List.of(1, 2)))
                .body("[0].id", equalTo(id));
        get(ae(owner), path(deal) + "/" + id).statusCode(200).body("total.amount", equalTo("7200.00"))
                .body("lines[0].subtotal.amount", equalTo("3000.00"));
        // Each deal numbers its own versions.
        String other = create(ae(owner), dealJson("Other"));
        draft(ae(owner), other, standard()).statusCode(201).body("number", equalTo(1));
    }

    @Test
    void yenAndHalfEvenRounding() {
        UUID owner = UUID.randomUUID();
        String deal = create(ae(owner), dealJson("Yen"));
        draft(ae(owner), deal, proposal(line("Licence", "3", "333", "JPY", "10"))).statusCode(201)
                .body("subtotal.amount", equalTo("999")).body("discount.amount", equalTo("100"))
                .body("total.amount", equalTo("899")).body("total.currency", equalTo("JPY"));
        draft(ae(owner), deal, proposal(line("Hours", "0.5", "0.25", "EUR", null), line("Hours", "0.5", "0.35", "EUR",
                "12.5"))).statusCode(201).body("lines[0].total.amount", equalTo("0.12"))
                .body("lines[1].subtotal.amount", equalTo("0.18")).body("lines[1].discount.amount", equalTo("0.02"))
                .body("lines[1].quantity", equalTo("0.5")).body("lines[1].discountPercent", equalTo("12.5"))
                .body("total.amount", equalTo("0.28"));
    }

    @Test
    void acceptingSetsTheDealAmountAndSupersedesOtherVersions() throws Exception {
        UUID owner = UUID.randomUUID();
        String deal = create(ae(owner), dealJson("Accepted"));
        String first = sent(ae(owner), deal, standard());
        String second = sent(ae(owner), deal, proposal(line("Analytics seat", "30", "110.00", "EUR", "5")));
        String draftOnly = draft(ae(owner), deal, standard()).statusCode(201).extract().path("id");
        String etag = get(ae(owner), "/api/v1/deals/" + deal).statusCode(200).extract().header("ETag");

        command(ae(owner), deal, second, "accept").statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo(owner.toString())).body("decidedAt", notNullValue())
                .body("total.amount", equalTo("3135.00"));
        get(ae(owner), "/api/v1/deals/" + deal).statusCode(200)
                .body("amount", equalTo(Map.of("amount", "3135.00", "currency", "EUR")))
                .header("ETag", not(equalTo(etag)));
        get(ae(owner), path(deal)).statusCode(200).body("status", equalTo(List.of("REJECTED", "ACCEPTED", "DRAFT")))
                .body("[0].rejectionReason", equalTo("Superseded by version 2"))
                .body("[2].id", equalTo(draftOnly));

        // Renegotiated: the draft is sent and accepted in turn; the earlier acceptance is superseded.
        command(ae(owner), deal, draftOnly, "send").statusCode(200).body("status", equalTo("SENT"))
                .body("sentAt", notNullValue());
        command(ae(owner), deal, draftOnly, "accept").statusCode(200);
        get(ae(owner), path(deal)).statusCode(200).body("status", equalTo(List.of("REJECTED", "REJECTED", "ACCEPTED")))
                .body("[1].rejectionReason", equalTo("Superseded by version 3"));
        get(ae(owner), "/api/v1/deals/" + deal).body("amount.amount", equalTo("7200.00"));

        List<ConsumerRecord<String, String>> events = TopicReader.readUntil("sales.deal.events",
                        read -> read.stream().filter(r -> deal.equals(r.key())).count() >= 13, Duration.ofSeconds(30))
                .stream().filter(r -> deal.equals(r.key())).toList();
        assertEquals(List.of("deal.created.v1",
                        "deal.proposal-changed.v1", "deal.proposal-changed.v1", // first drafted, sent
                        "deal.proposal-changed.v1", "deal.proposal-changed.v1", // second drafted, sent
                        "deal.proposal-changed.v1", // third drafted
                        "deal.proposal-changed.v1", "deal.proposal-changed.v1", "deal.updated.v1", // first superseded, second accepted
                        "deal.proposal-changed.v1", // third sent
                        "deal.proposal-changed.v1", "deal.proposal-changed.v1", "deal.updated.v1"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        events.forEach(EventCatalogue::assertMatches);
        JsonNode superseded = JSON.readTree(events.get(6).value());
        assertEquals(first, superseded.get("proposalId").asText());
        assertEquals("REJECTED", superseded.get("status").asText());
        assertEquals("Superseded by version 2", superseded.get("rejectionReason").asText());
        JsonNode accepted = JSON.readTree(events.get(7).value());
        assertEquals(second, accepted.get("proposalId").asText());
        assertEquals(2, accepted.get("number").asInt());
        assertEquals("ACCEPTED", accepted.get("status").asText());
        assertEquals("3300.00", accepted.get("subtotal").get("amount").asText());
        assertEquals("165.00", accepted.get("discount").get("amount").asText());
        assertEquals("3135.00", accepted.get("total").get("amount").asText());
        assertEquals(1, accepted.get("lineCount").asInt());
        assertEquals(VALID_UNTIL, accepted.get("validUntil").asText());
        JsonNode updated = JSON.readTree(events.get(8).value());
        assertEquals("3135.00", updated.get("changes").get("amount.amount").asText());
        assertEquals(accepted.get("aggregateVersion").asLong(), updated.get("aggregateVersion").asLong());
    }

    @Test
    void acceptingInAnotherCurrencyMovesTheDealToIt() {
        UUID owner = UUID.randomUUID();
        String deal = create(ae(owner), dealJson("Dollar deal"));
        String id = sent(ae(owner), deal, proposal(line("Seat", "10", "99.99", "USD", null)));
        command(ae(owner), deal, id, "accept").statusCode(200);
        get(ae(owner), "/api/v1/deals/" + deal).body("amount",
                equalTo(Map.of("amount", "999.90", "currency", "USD")));
    }

    @Test
    void rejectAndForbiddenTransitions() throws Exception {
        UUID owner = UUID.randomUUID();
        String deal = create(ae(owner), dealJson("Transitions"));
        String draft = draft(ae(owner), deal, standard()).statusCode(201).extract().path("id");
        command(ae(owner), deal, draft, "accept").statusCode(409).contentType(PROBLEM)
                .body("currentState", equalTo("DRAFT"));
        post(ae(owner), path(deal) + "/" + draft + "/reject", "{}").statusCode(409).body("currentState", equalTo("DRAFT"));
        command(ae(owner), deal, draft, "send").statusCode(200);
        command(ae(owner), deal, draft, "send").statusCode(409).body("currentState", equalTo("SENT"));
        post(ae(owner), path(deal) + "/" + draft + "/reject", "{\"reason\": \"Over budget\"}").statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("Over budget"))
                .body("decidedBy", equalTo(owner.toString()));
        command(ae(owner), deal, draft, "accept").statusCode(409).body("currentState", equalTo("REJECTED"));
        get(ae(owner), "/api/v1/deals/" + deal).body("amount.amount", equalTo("48000.00"));

        // Past its validity date a proposal reads EXPIRED and can be neither sent nor accepted.
        String late = sent(ae(owner), deal, standard());
        String lateDraft = draft(ae(owner), deal, standard()).statusCode(201).extract().path("id");
        expire(late);
        expire(lateDraft);
        get(ae(owner), path(deal) + "/" + late).statusCode(200).body("status", equalTo("EXPIRED"));
        command(ae(owner), deal, late, "accept").statusCode(409).body("currentState", equalTo("EXPIRED"));
        command(ae(owner), deal, lateDraft, "send").statusCode(409).body("currentState", equalTo("EXPIRED"));

        // A closed deal takes no proposal changes.
        String open = sent(ae(owner), deal, standard());
        post(ae(owner), "/api/v1/deals/" + deal + "/win", winJson()).statusCode(200);
        draft(ae(owner), deal, standard()).statusCode(409).contentType(PROBLEM).body("currentState", equalTo("WON"));
        command(ae(owner), deal, open, "accept").statusCode(409).contentType(PROBLEM);
        get(ae(owner), path(deal)).statusCode(200).body("", hasSize(4));
    }

    @Test
    void concurrentDraftsGetDistinctNumbers() {
        UUID owner = UUID.randomUUID();
        String deal = create(ae(owner), dealJson("Concurrent"));
        List<CompletableFuture<Integer>> drafts = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> draft(ae(owner), deal, standard()).statusCode(201).extract().<Integer>path("number"))).toList();
        List<Integer> numbers = drafts.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), numbers);
    }

    @Test
    void retriedDraftWithTheSameIdempotencyKeyIsDraftedOnce() {
        UUID owner = UUID.randomUUID();
        String deal = create(ae(owner), dealJson("Idempotent"));
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", ae(owner)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(standard()).when().post(path(deal)).then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", ae(owner)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(standard()).when().post(path(deal)).then().statusCode(201).body("id", equalTo(first));
        get(ae(owner), path(deal)).body("", hasSize(1));
    }

    @Test
    void teamMembersWorkProposalsAndOthersAreForbidden() {
        UUID owner = UUID.randomUUID();
        UUID spec = UUID.randomUUID();
        String deal = create(ae(owner), dealJson("Team proposals"));
        post(ae(owner), "/api/v1/deals/" + deal + "/team",
                "{\"userId\": \"" + spec + "\", \"role\": \"SALES_SPECIALIST\"}").statusCode(200);
        String specialist = TestTokens.bearer(spec, "sales-specialist");
        String id = draft(specialist, deal, standard()).statusCode(201).extract().path("id");
        command(specialist, deal, id, "send").statusCode(200);
        get(specialist, path(deal)).statusCode(200).body("", hasSize(1));

        for (String outsider : new String[] {ae(UUID.randomUUID()), TestTokens.bearer(UUID.randomUUID(),
                "sales-specialist")}) {
            draft(outsider, deal, standard()).statusCode(403).contentType(PROBLEM);
            get(outsider, path(deal)).statusCode(403).contentType(PROBLEM);
            get(outsider, path(deal) + "/" + id).statusCode(403).contentType(PROBLEM);
            command(outsider, deal, id, "accept").statusCode(403).contentType(PROBLEM);
            post(outsider, path(deal) + "/" + id + "/reject", "{}").statusCode(403).contentType(PROBLEM);
        }
        for (String role : new String[] {"sdr", "customer-success", "integration"}) {
            String token = TestTokens.bearer(UUID.randomUUID(), role);
            draft(token, deal, standard()).statusCode(403).contentType(PROBLEM);
            get(token, path(deal)).statusCode(403).contentType(PROBLEM);
            command(token, deal, id, "send").statusCode(403).contentType(PROBLEM);
        }
        command(manager(), deal, id, "accept").statusCode(200);
        get(admin(), path(deal)).statusCode(200).body("[0].status", equalTo("ACCEPTED"));
    }

    @Test
    void withoutAValidTokenIs401() {
        String base = path(UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).body(standard()).when().post(base).then().statusCode(401)
                .contentType(PROBLEM);
        given().when().get(base).then().statusCode(401);
        given().header("Authorization", TestTokens.expired(UUID.randomUUID(), "account-executive")).when().get(base)
                .then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{}").when().post(base + "/" + UUID.randomUUID() + "/accept")
                .then().statusCode(401);
    }

    @Test
    void unknownDealsAndProposalsAre404() {
        UUID owner = UUID.randomUUID();
        String unknownDeal = UUID.randomUUID().toString();
        draft(manager(), unknownDeal, standard()).statusCode(404).contentType(PROBLEM);
        get(manager(), path(unknownDeal)).statusCode(404).contentType(PROBLEM);
        String deal = create(ae(owner), dealJson("Has proposals"));
        String id = draft(ae(owner), deal, standard()).statusCode(201).extract().path("id");
        get(ae(owner), path(deal) + "/" + UUID.randomUUID()).statusCode(404).contentType(PROBLEM);
        command(ae(owner), deal, UUID.randomUUID().toString(), "send").statusCode(404).contentType(PROBLEM);
        // A proposal is found only through its own deal.
        String other = create(ae(owner), dealJson("No proposals"));
        get(ae(owner), path(other) + "/" + id).statusCode(404).contentType(PROBLEM);
        command(ae(owner), other, id, "send").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badInputIs400() {
        UUID owner = UUID.randomUUID();
        String deal = create(ae(owner), dealJson("Bad proposal input"));
        String[][] cases = {
                {"{", null},
                {"{}", "lines"},
                {"{\"lines\": [], \"validUntil\": \"" + VALID_UNTIL + "\"}", "lines"},
                {"{\"lines\": [" + line("x", "1", "1.00", "EUR", null) + "]}", "validUntil"},
                {"{\"lines\": [" + line("x", "1", "1.00", "EUR", null) + "], \"validUntil\": \"tomorrow\"}", null},
                {proposal(line("x", "1", "1.00", "EUR", null)).replace(VALID_UNTIL,
                        LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()), "validUntil"},
                {proposal(line("x", "1", "1.00", "EUR", null)).replace(VALID_UNTIL,
                        LocalDate.now(ZoneOffset.UTC).plusDays(400).toString()), "validUntil"},
                {proposal(line("x", "0", "1.00", "EUR", null)), "lines[0].quantity"},
                {proposal(line("x", "-1", "1.00", "EUR", null)), "lines[0].quantity"},
                {proposal(line("x", "1.00001", "1.00", "EUR", null)), "lines[0].quantity"},
                {proposal(line("x", "1000001", "1.00", "EUR", null)), "lines[0].quantity"},
                {proposal(line("x", "many", "1.00", "EUR", null)), null},
                {proposal(line("x", "1", "-1.00", "EUR", null)), "lines[0].unitPrice.amount"},
                {proposal(line("x", "1", "1.001", "EUR", null)), "lines[0].unitPrice.amount"},
                {proposal(line("x", "1", "1.00", "eur", null)), "lines[0].unitPrice.currency"},
                {proposal(line("x", "1", "1.00", "XYZ", null)), "lines[0].unitPrice.currency"},
                {proposal(line("x", "1", "1.50", "JPY", null)), "lines[0].unitPrice.amount"},
                {proposal(line("x", "1", "1.00", "EUR", null), line("y", "1", "1.00", "USD", null)),
                        "lines[1].unitPrice.currency"},
                {proposal(line("x", "1", "1.00", "EUR", "100.5")), "lines[0].discountPercent"},
                {proposal(line("x", "1", "1.00", "EUR", "-5")), "lines[0].discountPercent"},
                {proposal(line("x", "1", "1.00", "EUR", "10.125")), "lines[0].discountPercent"},
                {proposal(line(" ", "1", "1.00", "EUR", null)), "lines[0].product"},
                {proposal(line("x".repeat(201), "1", "1.00", "EUR", null)), "lines[0].product"},
                {proposal(line("x", "1000000", "999999999999.99", "EUR", null)), "lines"},
                {"{\"lines\": [null], \"validUntil\": \"" + VALID_UNTIL + "\"}", null},
                {proposal(IntStream.range(0, 101).mapToObj(i -> line("x", "1", "1.00", "EUR", null))
                        .toArray(String[]::new)), "lines"},
                {proposal(line("x", "1", "1.00", "EUR", null)).replace("Annual billing", "n".repeat(2001)), "notes"},
                {proposal(line("x", "1", "1.00", "EUR", null)).replace("\"notes\"", "\"status\""), null},
        };
        for (String[] c : cases) {
            ValidatableResponse response = draft(ae(owner), deal, c[0]).statusCode(400).contentType(PROBLEM);
            if (c[1] != null) {
                response.body("errors.field", org.hamcrest.Matchers.hasItem(c[1]));
            }
        }
        get(ae(owner), path(deal)).body("", hasSize(0));
        String id = draft(ae(owner), deal, standard()).statusCode(201).extract().path("id");
        command(ae(owner), deal, "not-a-uuid", "send").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("proposalId"));
        get(ae(owner), "/api/v1/deals/not-a-uuid/proposals").statusCode(400).contentType(PROBLEM);
        command(ae(owner), deal, id, "send").statusCode(200);
        post(ae(owner), path(deal) + "/" + id + "/reject", "{\"reason\": \"" + "r".repeat(501) + "\"}")
                .statusCode(400).contentType(PROBLEM);
        post(ae(owner), path(deal) + "/" + id + "/reject", "[1]").statusCode(400).contentType(PROBLEM);
        get(ae(owner), path(deal) + "/" + id).body("status", equalTo("SENT"));
    }
}
