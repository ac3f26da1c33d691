package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.admin;
import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.patch;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.winJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.Race;
import dev.salesplatform.testkit.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * What a hostile or careless caller sends: NUL in text, members given twice, dates and decimals
 * outside the rule, tampered cursors, racing writes on one deal and paths not in normal form. Each
 * is the caller's 4xx problem (naming the field where there is one), never a 5xx and never a value
 * stored other than it was sent.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealHostileInputTest {

    /** A JSON string escape for U+0000: what a body carries to put NUL into a text. */
    private static final String NUL = "\\u0000";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    static ValidatableResponse fieldError(ValidatableResponse response, String field) {
        return response.log().ifValidationFails().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    static String validUntil() {
        return TestClock.current().today().plusDays(30).toString();
    }

    static String proposalJson(String product, String description, String notes) {
        return """
                {"lines": [{"product": "%s", "description": "%s", "quantity": "2",
                            "unitPrice": {"amount": "100.00", "currency": "EUR"}}],
                 "validUntil": "%s", "notes": "%s"}""".formatted(product, description, validUntil(), notes);
    }

    static String pipelineJson(String name, String stageCode, String stageName) {
        return """
                {"name": "%s", "stages": [
                  {"code": "%s", "name": "%s", "winProbability": 0.5},
                  {"code": "SIGNED", "name": "Signed", "winProbability": 1, "closed": true, "won": true},
                  {"code": "DROPPED", "name": "Dropped", "winProbability": 0, "closed": true, "won": false}]}"""
                .formatted(name, stageCode, stageName);
    }

    static long version(String token, String dealId) {
        return get(token, "/api/v1/deals/" + dealId).statusCode(200).extract().<Number>path("version").longValue();
    }

    @Test
    void nulInAnyTextOfADealIsRefusedNamingTheField() {
        UUID owner = UUID.randomUUID();
        String token = ae(owner);
        String valid = dealJson("Hostile text");
        Map<String, String> bodies = Map.of(
                "name", dealJson("Host" + NUL + "ile"),
                "companyName", valid.replace("Analytical Engines Ltd", "Analytical" + NUL),
                "contact.firstName", valid.replace("\"Ada\"", "\"A" + NUL + "da\""),
                "contact.lastName", valid.replace("Lovelace", "Love" + NUL + "lace"),
                "contact.email", valid.replace("ada@example.com", "ada" + NUL + "@example.com"),
                "amount.currency", valid.replace("\"EUR\"", "\"E" + NUL + "R\""),
                "contact.phone", valid.replace("\"ada@example.com\"", "\"ada@example.com\", \"phone\": \"+44 20" + NUL + "\""));
        bodies.forEach((field, body) -> fieldError(post(token, "/api/v1/deals", body), field));
        for (String character : List.of("\\u0001", "\\u001b", "\\u007f", "\\ud800", "\\udc00", "\\ude00\\ud83d")) {
            fieldError(post(token, "/api/v1/deals", dealJson("Bad " + character + " character")), "name");
        }
        get(token, "/api/v1/deals?owner=" + owner).statusCode(200).body("items", hasSize(0));

        String id = create(token, valid);
        String etag = get(token, "/api/v1/deals/" + id).statusCode(200).extract().header("ETag");
        fieldError(patch(token, id, etag, "{\"name\": \"x" + NUL + "\"}"), "name");
        fieldError(patch(token, id, etag, "{\"contact\": {\"lastName\": \"" + NUL + "\"}}"), "contact.lastName");
        get(token, "/api/v1/deals/" + id).statusCode(200).header("ETag", etag).body("name", equalTo("Hostile text"));

        String paired = create(token, dealJson("Launch \\ud83d\\ude80\\tplan"));
        get(token, "/api/v1/deals/" + paired).statusCode(200).body("name", equalTo("Launch \ud83d\ude80\tplan"));
    }

    /**
     * An id, a code or a count is not text to tidy up: "\u0000", "" or " " is not an absent pipeline
     * nor the caller as owner, " LEGAL\u0000" is not the LEGAL obstacle type, "12\u0000" is not 12 months.
     */
    @Test
    void anIdCodeOrCountWithNulOrBlanksIsRefusedNotTrimmedNorTakenForAbsent() {
        UUID owner = UUID.randomUUID();
        String token = manager();
        String deal = "/api/v1/deals/" + create(ae(owner), dealJson("Padded codes"));
        List<Executable> cases = new ArrayList<>();
        Map.of("pipelineId", DealApi.DEFAULT_PIPELINE, "ownerId", owner.toString()).forEach((field, id) -> {
            for (String value : List.of(NUL, "", " ", "\\t", " " + id + NUL)) {
                cases.add(() -> fieldError(post(token, "/api/v1/deals", dealJson("Blank " + field).replace(
                        "\"expectedCloseDate\"", "\"" + field + "\": \"" + value + "\", \"expectedCloseDate\"")), field));
            }
        });
        for (String type : List.of("LEGAL" + NUL, NUL + "LEGAL", " LEGAL", "LEGAL\\t", NUL, "", " ")) {
            cases.add(() -> fieldError(post(ae(owner), deal + "/obstacles", "{\"type\": \"" + type + "\"}"), "type"));
        }
        for (String months : List.of("\"12" + NUL + "\"", "\" 12\"", "\"12\\t\"")) {
            cases.add(() -> fieldError(post(ae(owner), deal + "/win",
                    winJson().replace("\"termMonths\": 12", "\"termMonths\": " + months)), "contract.termMonths"));
        }
        cases.add(() -> fieldError(post(ae(owner), deal + "/lose", "{\"reason\": \"PRICE" + NUL + "\"}"), "reason"));
        assertAll(cases);
        get(token, "/api/v1/deals?owner=" + owner).statusCode(200).body("items", hasSize(1));
        get(ae(owner), deal + "/obstacles").statusCode(200).body("", hasSize(0));
        get(ae(owner), deal).statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void nulInCommandsProposalsAndPipelinesIsRefusedNamingTheField() {
        UUID owner = UUID.randomUUID();
        String token = ae(owner);
        String id = create(token, dealJson("Hostile commands"));
        String deal = "/api/v1/deals/" + id;

        fieldError(post(token, deal + "/stage", "{\"stage\": \"DEMO" + NUL + "\"}"), "stage");
        fieldError(post(token, deal + "/obstacles", "{\"type\": \"LEGAL\", \"notes\": \"DPA" + NUL + "\"}"), "notes");
        String obstacle = post(token, deal + "/obstacles", "{\"type\": \"LEGAL\", \"notes\": \"DPA\"}").statusCode(201)
                .extract().path("id");
        fieldError(post(token, deal + "/obstacles/" + obstacle + "/resolve", "{\"resolution\": \"ok" + NUL + "\"}"),
                "resolution");
        fieldError(post(token, deal + "/team", "{\"userId\": \"" + NUL + "\", \"role\": \"SALES_SPECIALIST\"}"),
                "userId");
        fieldError(post(token, deal + "/lose", "{\"reason\": \"COMPETITOR\", \"competitor\": \"Diff" + NUL + "\"}"),
                "competitor");
        String win = winJson();
        fieldError(post(token, deal + "/win", win.substring(0, win.lastIndexOf('}'))
                + ", \"override\": {\"reason\": \"because" + NUL + "\"}}"), "override.reason");

        String proposals = deal + "/proposals";
        fieldError(post(token, proposals, proposalJson("Seat" + NUL, "Per user", "Annual")), "lines[0].product");
        fieldError(post(token, proposals, proposalJson("Seat", "Per" + NUL + "user", "Annual")), "lines[0].description");
        fieldError(post(token, proposals, proposalJson("Seat", "Per user", "Annual" + NUL)), "notes");
        String proposal = post(token, proposals, proposalJson("Seat", "Per user", "Annual")).statusCode(201)
                .extract().path("id");
        post(token, proposals + "/" + proposal + "/send", null).statusCode(200);
        fieldError(post(token, proposals + "/" + proposal + "/reject", "{\"reason\": \"Budget" + NUL + "\"}"), "reason");

        get(token, deal + "/obstacles").statusCode(200).body("", hasSize(1)).body("[0].status", equalTo("OPEN"));
        get(token, proposals).statusCode(200).body("", hasSize(1)).body("[0].status", equalTo("SENT"));
        get(token, deal).statusCode(200).body("stage", equalTo("DISCOVERY")).body("status", equalTo("OPEN"))
                .body("team", hasSize(0));

        String pipelines = "/api/v1/pipelines";
        String name = "Hostile " + UUID.randomUUID();
        fieldError(post(admin(), pipelines, pipelineJson(name + NUL, "PILOT", "Pilot")), "name");
        fieldError(post(admin(), pipelines, pipelineJson(name, "PILOT", "Pi" + NUL + "lot")), "stages[0].name");
        fieldError(post(admin(), pipelines, pipelineJson(name, "PILOT" + NUL, "Pilot")), "stages[0].code");
        get(admin(), pipelines).statusCode(200).body("findAll { it.name.startsWith('" + name + "') }", hasSize(0));
    }

    @Test
    void nulInAQueryOrPathParameterIsRefusedNamingIt() {
        String token = manager();
        fieldError(given().header("Authorization", token).urlEncodingEnabled(false)
                .when().get("/api/v1/deals?q=a%00b").then(), "q");
        fieldError(given().header("Authorization", token).urlEncodingEnabled(false)
                .when().get("/api/v1/deals?stage=a%00b").then(), "stage");
        fieldError(given().header("Authorization", token).urlEncodingEnabled(false)
                .when().get("/api/v1/deals?q=a%01b").then(), "q");
        fieldError(given().header("Authorization", token).urlEncodingEnabled(false)
                .when().get("/api/v1/deals/a%00b").then(), "id");
    }

    @Test
    void aMemberGivenTwiceInACreateIsRefusedNamingIt() {
        UUID owner = UUID.randomUUID();
        String token = ae(owner);
        String valid = dealJson("Twice");
        fieldError(post(token, "/api/v1/deals", valid.replace("{\"name\": \"Twice\"",
                "{\"name\": \"Once\", \"name\": \"Twice\"")), "name");
        fieldError(post(token, "/api/v1/deals", valid.replace("\"firstName\": \"Ada\"",
                "\"firstName\": \"Ada\", \"firstName\": \"Augusta\"")), "contact.firstName");
        fieldError(post(token, "/api/v1/deals", valid.replace("\"currency\": \"EUR\"",
                "\"currency\": \"EUR\", \"currency\": \"USD\"")), "amount.currency");
        fieldError(post(token, "/api/v1/deals", valid.replace("\"expectedCloseDate\": \"2027-03-31\"",
                "\"expectedCloseDate\": \"2027-03-31\", \"expectedCloseDate\": \"2027-04-30\"")), "expectedCloseDate");
        get(token, "/api/v1/deals?owner=" + owner).statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aMemberGivenTwiceInACommandIsRefusedNamingItAndChangesNothing() {
        UUID owner = UUID.randomUUID();
        String token = ae(owner);
        String id = create(token, dealJson("Twice commands"));
        String deal = "/api/v1/deals/" + id;
        String obstacle = post(token, deal + "/obstacles", "{\"type\": \"LEGAL\"}").statusCode(201).extract().path("id");
        String proposal = post(token, deal + "/proposals", proposalJson("Seat", "Per user", "Annual")).statusCode(201)
                .extract().path("id");
        post(token, deal + "/proposals/" + proposal + "/send", null).statusCode(200);
        long before = version(token, id);
        UUID specialist = UUID.randomUUID();

        fieldError(post(token, deal + "/stage", "{\"stage\": \"DEMO\", \"stage\": \"DEMO\"}"), "stage");
        fieldError(post(token, deal + "/stage", "{\"stage\": \"DEMO\", \"stage\": \"PROPOSAL\"}"), "stage");
        fieldError(post(token, deal + "/team", "{\"userId\": \"%s\", \"role\": \"SALES_SPECIALIST\", \"userId\": \"%s\"}"
                .formatted(specialist, specialist)), "userId");
        fieldError(post(token, deal + "/lose", "{\"reason\": \"PRICE\", \"reason\": \"TIMING\"}"), "reason");
        fieldError(post(token, deal + "/obstacles", "{\"type\": \"PRICE\", \"type\": \"PRICE\"}"), "type");
        fieldError(post(token, deal + "/obstacles/" + obstacle + "/resolve",
                "{\"resolution\": \"Signed\", \"resolution\": \"Dropped\"}"), "resolution");
        fieldError(post(token, deal + "/proposals/" + proposal + "/reject",
                "{\"reason\": \"Budget\", \"reason\": \"Timing\"}"), "reason");
        fieldError(post(token, deal + "/proposals", proposalJson("Seat", "Per user", "Annual")
                .replace("\"quantity\": \"2\"", "\"quantity\": \"2\", \"quantity\": \"3\"")), "lines[0].quantity");
        fieldError(post(token, deal + "/win", winJson().replace("\"termMonths\": 12",
                "\"termMonths\": 12, \"termMonths\": 24")), "contract.termMonths");

        get(token, deal).statusCode(200).body("version", equalTo((int) before)).body("stage", equalTo("DISCOVERY"))
                .body("status", equalTo("OPEN")).body("team", hasSize(0));
        get(token, deal + "/obstacles").statusCode(200).body("", hasSize(1)).body("[0].status", equalTo("OPEN"));
        get(token, deal + "/proposals").statusCode(200).body("", hasSize(1)).body("[0].status", equalTo("SENT"));

        String name = "Twice " + UUID.randomUUID();
        fieldError(post(admin(), "/api/v1/pipelines", pipelineJson(name, "PILOT", "Pilot")
                .replace("{\"name\": \"" + name + "\"", "{\"name\": \"" + name + "\", \"name\": \"" + name + " 2\"")),
                "name");
        fieldError(post(admin(), "/api/v1/pipelines", pipelineJson(name, "PILOT", "Pilot")
                .replace("\"code\": \"PILOT\"", "\"code\": \"PILOT\", \"code\": \"TRIAL\"")), "stages[0].code");
        get(admin(), "/api/v1/pipelines").statusCode(200).body("findAll { it.name.startsWith('" + name + "') }",
                hasSize(0));
    }

    @Test
    void aMemberGivenTwiceInAMergePatchIsRefusedNotTakenForItsLastValue() {
        String token = ae(UUID.randomUUID());
        String id = create(token, dealJson("Patched once"));
        String etag = get(token, "/api/v1/deals/" + id).statusCode(200).extract().header("ETag");
        fieldError(patch(token, id, etag, "{\"name\": \"First\", \"name\": \"Second\"}"), "name");
        fieldError(patch(token, id, etag, "{\"amount\": {\"amount\": \"1.00\", \"amount\": \"2.00\"}}"), "amount.amount");
        get(token, "/api/v1/deals/" + id).statusCode(200).header("ETag", etag).body("name", equalTo("Patched once"))
                .body("amount.amount", equalTo("48000.00"));
    }

    @Test
    void expectedCloseDatesOutsideTheRuleAreRefusedOnCreateAndPatch() {
        UUID owner = UUID.randomUUID();
        String token = ae(owner);
        String id = create(token, dealJson("Dates"));
        String etag = get(token, "/api/v1/deals/" + id).statusCode(200).extract().header("ETag");
        for (String date : List.of("-5000-01-01", "0000-01-01", "+999999999-12-31", "2027-01-01T00:00:00Z",
                "2027-01-01" + NUL, "", " ", "1899-12-31", "+10000-01-01", "2027-02-29", "2027-1-1", " 2027-01-01")) {
            String member = "\"expectedCloseDate\": \"" + date + "\"";
            fieldError(post(token, "/api/v1/deals", dealJson("Bad date").replace("\"expectedCloseDate\": \"2027-03-31\"",
                    member)), "expectedCloseDate");
            fieldError(patch(token, id, etag, "{" + member + "}"), "expectedCloseDate");
        }
        for (String number : List.of("20270101", "1.5", "true", "[2027, 1, 1]")) {
            String member = "\"expectedCloseDate\": " + number;
            fieldError(post(token, "/api/v1/deals", dealJson("Bad date").replace("\"expectedCloseDate\": \"2027-03-31\"",
                    member)), "expectedCloseDate");
            fieldError(patch(token, id, etag, "{" + member + "}"), "expectedCloseDate");
        }
        get(token, "/api/v1/deals?owner=" + owner).statusCode(200).body("items", hasSize(1));
        get(token, "/api/v1/deals/" + id).statusCode(200).header("ETag", etag)
                .body("expectedCloseDate", equalTo("2027-03-31"));

        for (String date : List.of("1900-01-01", "9999-12-31", "2028-02-29")) {
            String created = create(token, dealJson("Edge date").replace("2027-03-31", date));
            get(token, "/api/v1/deals/" + created).statusCode(200).body("expectedCloseDate", equalTo(date));
        }
        String current = get(token, "/api/v1/deals/" + id).extract().header("ETag");
        patch(token, id, current, "{\"expectedCloseDate\": \"2027-04-30\"}").statusCode(200)
                .body("expectedCloseDate", equalTo("2027-04-30"));
        current = get(token, "/api/v1/deals/" + id).extract().header("ETag");
        patch(token, id, current, "{\"expectedCloseDate\": \"2027-03-31\"}").statusCode(200)
                .body("expectedCloseDate", equalTo("2027-03-31"));
        get(token, "/api/v1/deals/" + id).statusCode(200).body("expectedCloseDate", equalTo("2027-03-31"));
    }

    @Test
    void expectedCloseFiltersOutsideTheRuleAreRefused() {
        String token = manager();
        for (String filter : List.of("expectedCloseFrom", "expectedCloseTo")) {
            for (String date : List.of("+5874898-01-01", "-5000-01-01", "0000-01-01", "2027-01-01T00:00:00Z",
                    "1899-12-31", "2027-02-30")) {
                fieldError(given().header("Authorization", token).queryParam(filter, date)
                        .when().get("/api/v1/deals").then(), filter);
            }
        }
        given().header("Authorization", token).queryParam("expectedCloseFrom", "1900-01-01")
                .queryParam("expectedCloseTo", "9999-12-31").when().get("/api/v1/deals").then().statusCode(200);
    }

    @Test
    void amountFiltersOutsideTheRuleAreRefused() {
        String token = manager();
        for (String filter : List.of("amountMin", "amountMax")) {
            for (String amount : List.of("1e-999999999", "1e999999999", "1E+2147483647", "-1", "NaN", "1" + "0".repeat(200))) {
                fieldError(given().header("Authorization", token).queryParam(filter, amount)
                        .when().get("/api/v1/deals").then(), filter);
            }
        }
    }

    @Test
    void tamperedCursorsAreRefused() {
        String token = manager();
        String id = UUID.randomUUID().toString();
        Map<String, List<String>> cursors = Map.of(
                "amount", List.of("1e999999999", "1e-999999999", "NaN", "", "1" + "0".repeat(500)),
                "-amount", List.of("1e999999999"),
                "expectedCloseDate", List.of("+5874898-01-01", "-5000-01-01", "0000-01-01", "2027-02-30",
                        "2027-01-01T00:00:00Z"),
                "-expectedCloseDate", List.of("+5874898-01-01"));
        cursors.forEach((sort, values) -> {
            for (String value : values) {
                fieldError(given().header("Authorization", token).queryParam("sort", sort)
                        .queryParam("cursor", Cursor.of(value, id).encode()).when().get("/api/v1/deals").then(),
                        "cursor");
            }
            fieldError(given().header("Authorization", token).queryParam("sort", sort)
                    .queryParam("cursor", Cursor.of("100.00", "not-a-uuid").encode()).when().get("/api/v1/deals").then(),
                    "cursor");
            fieldError(given().header("Authorization", token).queryParam("sort", sort)
                    .queryParam("cursor", Cursor.of("100.00").encode()).when().get("/api/v1/deals").then(), "cursor");
        });
        fieldError(given().header("Authorization", token).queryParam("cursor", "%%%not-base64")
                .when().get("/api/v1/deals").then(), "cursor");
    }

    @Test
    void parallelObstaclesEachGetAnAnswerAndEveryCreatedOneIsStored() throws Exception {
        UUID owner = UUID.randomUUID();
        String token = ae(owner);
        String id = create(token, dealJson("Racing obstacles"));
        long before = version(token, id);

        List<Response> answers = Race.of(i -> post(token, "/api/v1/deals/" + id + "/obstacles",
                "{\"type\": \"PRICE\", \"notes\": \"Racer " + i + "\"}").extract().response());
        int created = Race.winners(answers, 201, 409);

        assertTrue(created >= 1, "at least one of the racing obstacles is recorded");
        List<String> notes = get(token, "/api/v1/deals/" + id + "/obstacles").statusCode(200).extract().path("notes");
        assertEquals(created, notes.size(), "obstacles stored: " + notes);
        assertEquals(before + created, version(token, id));
        List<String> types = get(token, "/api/v1/deals/" + id + "/history").statusCode(200).extract().path("items.type");
        assertEquals(created, types.stream().filter("deal.obstacle-changed.v1"::equals).count(), "events: " + types);
    }

    @Test
    void parallelPatchesWithOneIfMatchLetExactlyOneWin() throws Exception {
        String token = ae(UUID.randomUUID());
        String id = create(token, dealJson("Racing patches"));
        String etag = get(token, "/api/v1/deals/" + id).statusCode(200).extract().header("ETag");
        long before = version(token, id);

        List<Response> answers = Race.of(i -> patch(token, id, etag, "{\"name\": \"Racer " + i + "\"}").extract().response());
        int won = Race.winners(answers, 200, 412);

        assertEquals(1, won, "exactly one patch with If-Match " + etag + " applies");
        String winner = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow().path("name");
        get(token, "/api/v1/deals/" + id).statusCode(200).body("name", equalTo(winner))
                .body("version", equalTo((int) before + 1));
        List<String> types = get(token, "/api/v1/deals/" + id + "/history").statusCode(200).extract().path("items.type");
        assertEquals(1, types.stream().filter("deal.updated.v1"::equals).count(), "events: " + types);
    }

    @Test
    void parallelStageMovesEachGetAnAnswerAndEveryMoveIsRecorded() throws Exception {
        String token = ae(UUID.randomUUID());
        String id = create(token, dealJson("Racing stages"));
        long before = version(token, id);
        List<String> targets = List.of("DEMO", "PROPOSAL", "NEGOTIATION", "DEMO");

        List<Response> answers = Race.of(i -> post(token, "/api/v1/deals/" + id + "/stage",
                "{\"stage\": \"" + targets.get(i) + "\"}").extract().response());
        int moved = Race.winners(answers, 200, 409);

        assertTrue(moved >= 1, "at least one racing move applies");
        assertEquals(before + moved, version(token, id));
        List<String> types = get(token, "/api/v1/deals/" + id + "/history").statusCode(200).extract().path("items.type");
        assertEquals(moved, types.stream().filter("deal.stage-changed.v1"::equals).count(), "events: " + types);
    }

    @Test
    void pathsNotInNormalFormAreRefused() throws IOException {
        String token = manager();
        String body = dealJson("Dot segments");
        for (String path : List.of("/api/v1/leads/../deals", "/api/v1/deals/x/../", "/api/v1/deals/./summary",
                "/api/v1//deals", "/api/v1/d%65als", "/api/v1/deals/%2e%2e/pipelines")) {
            for (String method : List.of("GET", "POST")) {
                RawAnswer answer = raw(method, path, token, method.equals("POST") ? body : null);
                assertEquals(400, answer.status(), method + " " + path + ": " + answer);
                assertTrue(answer.contentType().startsWith(PROBLEM), method + " " + path + ": " + answer);
                assertTrue(answer.body().contains("\"type\":\"https://salesplatform.dev/problems/bad-path\""),
                        method + " " + path + ": " + answer);
            }
        }
        given().header("Authorization", token).queryParam("q", "Dot segments").when().get("/api/v1/deals")
                .then().statusCode(200).body("items", hasSize(0));
    }

    private record RawAnswer(int status, String contentType, String body) {
    }

    /** Sends the request line exactly as given: an HTTP client would normalise the path first. */
    private RawAnswer raw(String method, String path, String token, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: " + token + "\r\nAccept: application/json\r\nConnection: close\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
                + "\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String answer = all.toString(StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = (end < 0 ? answer : answer.substring(0, end)).split("\r\n");
            String contentType = "";
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).strip();
                }
            }
            return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), contentType,
                    end < 0 ? "" : answer.substring(end + 4));
        }
    }
}
