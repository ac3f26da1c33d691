package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadApi.PROBLEM;
import static dev.salesplatform.lead.api.LeadApi.SAM;
import static dev.salesplatform.lead.api.LeadApi.SARA;
import static dev.salesplatform.lead.api.LeadApi.call;
import static dev.salesplatform.lead.api.LeadApi.create;
import static dev.salesplatform.lead.api.LeadApi.email;
import static dev.salesplatform.lead.api.LeadApi.get;
import static dev.salesplatform.lead.api.LeadApi.leadJson;
import static dev.salesplatform.lead.api.LeadApi.manager;
import static dev.salesplatform.lead.api.LeadApi.post;
import static dev.salesplatform.lead.api.LeadApi.sdr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Merge-patch edits with If-Match, e-mail de-duplication, and search with filters, text and sort. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadEditAndSearchTest {

    static ValidatableResponse patch(String token, String id, String ifMatch, String body) {
        var request = given().header("Authorization", token).contentType("application/merge-patch+json").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch("/api/v1/leads/" + id).then();
    }

    @Test
    void mergePatchEditsFieldsAndNeedsTheCurrentETag() {
        String id = create(sdr(SARA), leadJson(email("edit")));
        patch(sdr(SARA), id, null, "{\"title\": \"VP Engineering\"}").statusCode(428).contentType(PROBLEM);
        patch(sdr(SARA), id, "\"7\"", "{\"title\": \"VP Engineering\"}").statusCode(412).contentType(PROBLEM)
                .body("currentVersion", equalTo(0));

        Response edited = patch(sdr(SARA), id, "\"0\"", """
                {"title": "Head of Sales", "phone": null, "company": {"employees": 2500, "industry": "Machines"},
                 "estimatedValue": {"amount": "999.90", "currency": "USD"}}""")
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Head of Sales"))
                .body("company.name", equalTo("Analytical Engines Ltd"))
                .body("company.employees", equalTo(2500))
                .body("company.industry", equalTo("Machines"))
                .body("estimatedValue.amount", equalTo("999.90"))
                .body("version", equalTo(1))
                .extract().response();
        assertEquals(List.of("TITLE_SENIORITY", "COMPANY_SIZE", "SOURCE"), edited.path("scoreReasons.code"));
        // The old ETag is stale now.
        patch(sdr(SARA), id, "\"0\"", "{\"notes\": \"late\"}").statusCode(412);
        get(sdr(SARA), "/api/v1/leads/" + id + "/history").body("items[1].type", equalTo("lead.updated.v1"))
                .body("items[1].data.changes.title", equalTo("Head of Sales"))
                .body("items[1].data.changes['company.employees']", equalTo(2500));
    }

    @Test
    void patchRejectsWhatCannotBeSetOrIsInvalid() {
        String id = create(sdr(SARA), leadJson(email("badpatch")));
        patch(sdr(SARA), id, "\"0\"", "{\"ownerId\": \"" + SAM + "\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("ownerId"));
        patch(sdr(SARA), id, "\"0\"", "{\"status\": \"QUALIFIED\"}").statusCode(400).body("errors.field", hasItem("status"));
        patch(sdr(SARA), id, "\"0\"", "{\"score\": 100}").statusCode(400).body("errors.field", hasItem("score"));
        patch(sdr(SARA), id, "\"0\"", "{\"email\": null}").statusCode(400).body("errors.field", hasItem("email"));
        patch(sdr(SARA), id, "\"0\"", "{\"company\": {\"employees\": -5}}").statusCode(400)
                .body("errors.field", hasItem("company.employees"));
        patch(sdr(SARA), id, "\"0\"", "{\"company\": {\"employees\": \"many\"}}").statusCode(400)
                .body("errors.field", hasItem("company.employees"));
        patch(sdr(SARA), id, "\"0\"", "[1]").statusCode(400).contentType(PROBLEM);
        patch(sdr(SARA), id, "\"0\"", "{not json").statusCode(400).contentType(PROBLEM);
        given().header("Authorization", sdr(SARA)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"title\": \"x\"}").when().patch("/api/v1/leads/" + id).then().statusCode(415).contentType(PROBLEM);
        patch(sdr(SAM), id, "\"0\"", "{\"title\": \"Thief\"}").statusCode(403).contentType(PROBLEM);
        patch(TestTokens.bearer(UUID.randomUUID(), "account-executive"), id, "\"0\"", "{}").statusCode(403);
        patch("Bearer " + TestTokens.forged(SARA, "sdr"), id, "\"0\"", "{}").statusCode(401);
        patch(sdr(SARA), UUID.randomUUID().toString(), "\"0\"", "{}").statusCode(404);
        get(sdr(SARA), "/api/v1/leads/" + id).body("version", equalTo(0));
    }

    @Test
    void oneOpenLeadPerEmailWhateverItsCase() {
        String address = email("dup");
        String first = create(sdr(SARA), leadJson(address));
        post(sdr(SAM), "/api/v1/leads", leadJson(address.toUpperCase())).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/duplicate-lead"))
                .body("existingLeadId", equalTo(first))
                .body("existingLead", equalTo("/api/v1/leads/" + first));
        String other = create(sdr(SARA), leadJson(email("dup-other")));
        patch(sdr(SARA), other, "\"0\"", "{\"email\": \"" + address + "\"}").statusCode(409)
                .body("existingLeadId", equalTo(first));

        // A closed lead does not block: once disqualified, the address can come in again ...
        post(sdr(SARA), "/api/v1/leads/" + first + "/disqualify", "{\"reason\": \"BAD_TIMING\"}").statusCode(200);
        String second = create(sdr(SAM), leadJson(address));
        // ... and then the old one cannot be reopened beside it.
        post(manager(), "/api/v1/leads/" + first + "/reopen", null).statusCode(409).body("existingLeadId", equalTo(second));
    }

    @Test
    void searchFiltersByStatusOwnerSourceTimeAndText() {
        UUID owner = UUID.randomUUID();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String ada = create(sdr(owner), """
                {"firstName": "Ada", "lastName": "Zed%s", "email": "%s", "company": {"name": "Engines %s"},
                 "source": "EVENT"}""".formatted(marker, email("s1"), marker));
        String bob = create(sdr(owner), """
                {"firstName": "Bob", "lastName": "Yak", "email": "%s", "title": "CEO", "source": "REFERRAL"}"""
                .formatted(email("s2-" + marker)));
        call(sdr(owner), bob).statusCode(201);

        assertEquals(List.of(bob), search(owner, "owner", owner, "status", "CONTACTED"));
        assertEquals(List.of(ada), search(owner, "owner", owner, "source", "EVENT"));
        assertEquals(List.of(ada), search(owner, "q", "ENGINES " + marker));
        assertEquals(List.of(ada), search(owner, "q", "zed" + marker));
        assertEquals(List.of(bob), search(owner, "q", "s2-" + marker));
        assertEquals(List.of(ada), search(owner, "q", "ada zed" + marker));
        assertEquals(List.of(), search(owner, "q", "%_" + marker));
        assertEquals(List.of(), search(owner, "owner", owner, "createdFrom", "2000-01-01T00:00:00Z",
                "createdTo", "2001-01-01T00:00:00Z"));
        assertEquals(List.of(bob, ada), search(owner, "owner", owner, "createdFrom", "2000-01-01T00:00:00Z"));
    }

    @Test
    void textSearchMatchesFirstAndLastNameTogetherAndLikesMetacharactersAsThemselves() {
        UUID owner = UUID.randomUUID();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        // No company (null): found by its name all the same. Its last name holds % _ and \.
        String literal = create(sdr(owner), """
                {"firstName": "Per", "lastName": "%s", "email": "%s", "source": "EVENT"}"""
                .formatted("100%_off\\\\" + marker, email("meta")));
        // What the same text would match if % _ or \ were wildcards or an escape.
        String decoy = create(sdr(owner), """
                {"firstName": "Per", "lastName": "%s", "email": "%s", "company": {"name": "Decoy %s"},
                 "source": "EVENT"}""".formatted("100xyoff" + marker, email("meta"), marker));

        assertEquals(List.of(decoy, literal), search(owner, "q", marker));
        assertEquals(List.of(literal), search(owner, "q", "100%_off\\" + marker));
        assertEquals(List.of(literal), search(owner, "q", "_off\\" + marker));
        assertEquals(List.of(literal), search(owner, "q", "\\" + marker));
        assertEquals(List.of(), search(owner, "q", "%" + marker));
        // First and last name are one text "first last" ...
        assertEquals(List.of(literal), search(owner, "q", "PER 100%_OFF\\" + marker));
        assertEquals(List.of(decoy), search(owner, "q", "per 100xyoff" + marker));
        // ... but the name, email and company are matched each alone, never across two of them.
        assertEquals(List.of(), search(owner, "q", marker + " decoy"));
        assertEquals(List.of(), search(owner, "q", marker + " meta-"));
        assertEquals(List.of(decoy), search(owner, "q", "decoy " + marker));
    }

    /** The ids of the first page for these query parameters (name, value, name, value, ...). */
    static List<String> search(UUID caller, Object... parameters) {
        var request = given().header("Authorization", sdr(caller));
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return request.when().get("/api/v1/leads").then().statusCode(200).extract().path("items.id");
    }

    @Test
    void sortByScoreIsKeysetPagedWithoutGapsOrRepeats() {
        UUID owner = UUID.randomUUID();
        List<String> titles = List.of("CEO", "VP Sales", "Sales Manager", "Intern", "CTO", "Director");
        for (String title : titles) {
            create(sdr(owner), """
                    {"firstName": "P", "lastName": "Q", "email": "%s", "title": "%s", "source": "OUTBOUND"}"""
                    .formatted(email("sort"), title));
        }
        List<Integer> scores = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", sdr(owner))
                    .queryParam("owner", owner).queryParam("sort", "-score").queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/leads").then().statusCode(200).extract().response();
            scores.addAll(page.path("items.score"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(titles.size(), scores.size());
        assertEquals(scores.stream().sorted(java.util.Comparator.reverseOrder()).toList(), scores);
        get(sdr(owner), "/api/v1/leads?owner=" + owner + "&sort=score&limit=1").body("items[0].score",
                equalTo(scores.get(scores.size() - 1)));
    }

    @Test
    void searchRejectsBadFilters() {
        get(sdr(SARA), "/api/v1/leads?sort=name").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("sort"));
        get(sdr(SARA), "/api/v1/leads?source=TV").statusCode(400).body("errors.field", hasItem("source"));
        get(sdr(SARA), "/api/v1/leads?createdFrom=today").statusCode(400).body("errors.field", hasItem("createdFrom"));
        get(sdr(SARA), "/api/v1/leads?q=a").statusCode(400).body("errors.field", hasItem("q"));
        get(sdr(SARA), "/api/v1/leads?q=" + "a".repeat(101)).statusCode(400).body("errors.field", hasItem("q"));
        get(sdr(SARA), "/api/v1/leads?owner=me").statusCode(400).body("errors.field", hasItem("owner"));
    }

    @Test
    void createCarriesTheWholeProfile() {
        String address = email("full");
        post(TestTokens.bearer(LeadApi.INTEGRATION, "integration"), "/api/v1/leads", """
                {"firstName": "Grace", "lastName": "Hopper", "email": "%s", "phone": "+1 555 0100", "title": "Director",
                 "company": {"name": "Navy", "website": "https://navy.example", "employees": 6000, "industry": "Defence"},
                 "source": "MARKETING_AUTOMATION",
                 "attribution": {"utmSource": "newsletter", "utmMedium": "email", "utmCampaign": "cobol",
                                 "landingPage": "https://salesplatform.example/cobol", "referrer": "https://search.example"},
                 "estimatedValue": {"amount": "12000", "currency": "EUR"}, "notes": "Asked for a demo"}"""
                .formatted(address))
                .statusCode(201)
                .body("ownerId", nullValue())
                .body("company.website", equalTo("https://navy.example"))
                .body("attribution.utmCampaign", equalTo("cobol"))
                .body("attribution.utmTerm", nullValue())
                .body("estimatedValue.amount", equalTo("12000.00"))
                .body("score", equalTo(20 + 20 + 6))
                .body("scoreReasons[0].detail", notNullValue());
    }
}
