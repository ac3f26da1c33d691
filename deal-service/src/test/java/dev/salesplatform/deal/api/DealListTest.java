package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.stage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealListTest {

    @Test
    void filtersCombineAndPagesAreNewestFirst() {
        UUID me = UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String march = create(ae(me), dealJson("Alpha " + tag));
        String april = create(ae(me), dealJson("Beta " + tag).replace("2027-03-31", "2027-04-15"));
        String may = create(ae(me), dealJson("Gamma " + tag).replace("2027-03-31", "2027-05-20"));
        stage(ae(me), april, "DEMO").statusCode(200);
        String owner = "/api/v1/deals?owner=" + me;

        get(ae(me), owner).statusCode(200).body("items.id", equalTo(List.of(may, april, march)));
        get(ae(me), owner + "&stage=DEMO").statusCode(200).body("items.id", equalTo(List.of(april)));
        get(ae(me), owner + "&expectedCloseFrom=2027-04-01&expectedCloseTo=2027-04-30").statusCode(200)
                .body("items.id", equalTo(List.of(april)));
        get(ae(me), owner + "&expectedCloseFrom=2027-04-15").statusCode(200).body("items.id", equalTo(List.of(may, april)));
        get(manager(), owner + "&q=GAMMA").statusCode(200).body("items.id", equalTo(List.of(may)));
        get(manager(), owner + "&q=engines").statusCode(200).body("items.id", equalTo(List.of(may, april, march)));

        String next = get(ae(me), owner + "&limit=2").statusCode(200).body("items.id", equalTo(List.of(may, april)))
                .extract().path("nextCursor");
        get(ae(me), owner + "&limit=2&cursor=" + next).statusCode(200)
                .body("items.id", equalTo(List.of(march))).body("nextCursor", nullValue());
    }

    @Test
    void anAccountExecutiveListsOnlyTheirOwnDeals() {
        UUID me = UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mine = create(ae(me), dealJson("Shared " + tag));
        String theirs = create(ae(UUID.randomUUID()), dealJson("Shared " + tag));
        get(ae(me), "/api/v1/deals?q=" + tag).statusCode(200).body("items.id", equalTo(List.of(mine)));
        get(manager(), "/api/v1/deals?q=" + tag).statusCode(200).body("items.id", equalTo(List.of(theirs, mine)));
    }

    @Test
    void textSearchMatchesNameOrCompanyAloneWithLikesMetacharactersAsThemselves() {
        UUID me = UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // No company (null): found by its name all the same. Its name holds % _ and \.
        String literal = create(ae(me), deal("Deal 100%_off\\\\" + tag, "1000.00", "EUR", null));
        // What the same text would match if % _ or \ were wildcards or an escape; company "Analytical Engines Ltd".
        String decoy = create(ae(me), dealJson("Deal 100xyoff" + tag));

        assertEquals(List.of(decoy, literal), search("q", tag));
        assertEquals(List.of(literal), search("q", "100%_OFF\\" + tag));
        assertEquals(List.of(literal), search("q", "_off\\" + tag));
        assertEquals(List.of(literal), search("q", "\\" + tag));
        assertEquals(List.of(), search("q", "%" + tag));
        // Name and company are matched each alone, never across the two.
        assertEquals(List.of(), search("q", tag + " analytical"));
        assertEquals(List.of(decoy), search("q", "deal 100xyoff" + tag));
        assertEquals(List.of(decoy), search("owner", me, "q", "analytical engines"));
    }

    /** The ids of the first page a manager sees for these query parameters (name, value, ...). */
    static List<String> search(Object... parameters) {
        var request = given().header("Authorization", manager());
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return request.when().get("/api/v1/deals").then().statusCode(200).extract().path("items.id");
    }

    static String deal(String name, String amount, String currency, String expectedClose) {
        return """
                {"name": "%s", "amount": {"amount": "%s", "currency": "%s"}%s}"""
                .formatted(name, amount, currency,
                        expectedClose == null ? "" : ", \"expectedCloseDate\": \"" + expectedClose + "\"");
    }

    @Test
    void amountRangeCurrencyAndSortWithStablePages() {
        UUID me = UUID.randomUUID();
        String small = create(ae(me), deal("Small", "1000.00", "EUR", "2027-06-01"));
        String large = create(ae(me), deal("Large", "90000.00", "EUR", null));
        String medium = create(ae(me), deal("Medium", "25000.00", "EUR", "2027-04-01"));
        String dollars = create(ae(me), deal("Dollars", "25000.00", "USD", "2027-04-01"));
        String undated = create(ae(me), deal("Undated", "5000.00", "EUR", null));
        String owner = "/api/v1/deals?owner=" + me;

        get(ae(me), owner + "&amountMin=5000&amountMax=25000").statusCode(200)
                .body("items.id", equalTo(List.of(undated, dollars, medium)));
        get(ae(me), owner + "&amountMin=5000&amountMax=25000&currency=EUR").statusCode(200)
                .body("items.id", equalTo(List.of(undated, medium)));
        get(ae(me), owner + "&sort=createdAt").statusCode(200)
                .body("items.id", equalTo(List.of(small, large, medium, dollars, undated)));
        // Equal amounts break ties on the id, in the sort's direction.
        assertPages(me, "-amount", List.of(large, dollars, medium, undated, small));
        assertPages(me, "amount", List.of(small, undated, medium, dollars, large));
        // Without an expected close date a deal comes last either way.
        assertPages(me, "expectedCloseDate", List.of(medium, dollars, small, large, undated));
        assertPages(me, "-expectedCloseDate", List.of(small, dollars, medium, undated, large));
    }

    /** Reads the list two deals at a time and checks that the pages add up to {@code expected}. */
    static void assertPages(UUID me, String sort, List<String> expected) {
        String base = "/api/v1/deals?owner=" + me + "&sort=" + sort + "&limit=2";
        get(ae(me), base.replace("&limit=2", "")).statusCode(200).body("items.id", equalTo(expected));
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = get(ae(me), base + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(expected, seen, sort);
    }

    @Test
    void badFiltersAndSortsAre400() {
        String token = manager();
        for (String query : new String[] {"sort=name", "sort=-score", "amountMin=-1", "amountMax=lots",
                "amountMin=1e3x", "amountMax=1000000000000", "currency=eur", "currency=EURO", "cursor=bm9wZQ",
                "sort=amount&cursor=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("x\u001F" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8))}) {
            get(token, "/api/v1/deals?" + query).statusCode(400).contentType(DealApi.PROBLEM);
        }
    }
}
