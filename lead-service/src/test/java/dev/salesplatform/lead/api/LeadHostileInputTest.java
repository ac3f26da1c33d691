package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadApi.PROBLEM;
import static dev.salesplatform.lead.api.LeadApi.SARA;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What a user found answered with 500 or stored wrong on the lead API, each now a 400 problem
 * naming the member at fault (DESIGN §4: one input rule set, in the kit).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadHostileInputTest {

    static final String NUL = "\\u0000";

    @ParameterizedTest
    @ValueSource(strings = {"firstName", "lastName", "title", "notes"})
    void nulInAnyTextOfACreateIsRefusedByName(String field) {
        String json = """
                {"firstName": "%s", "lastName": "%s", "email": "%s", "title": "%s", "notes": "%s", "source": "WEB_FORM"}"""
                .formatted(value(field, "firstName"), value(field, "lastName"), email("nul"), value(field, "title"),
                        value(field, "notes"));
        post(sdr(SARA), "/api/v1/leads", json)
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
    }

    static String value(String faulty, String field) {
        return field.equals(faulty) ? "a" + NUL + "b" : "x";
    }

    @Test
    void nulInANestedTextIsRefusedByItsPath() {
        post(sdr(SARA), "/api/v1/leads", leadJson(email("nul")).replace("Analytical Engines Ltd", "Analytical" + NUL))
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("company.name"));
    }

    @Test
    void nulInACommandAndInQueriesIsRefused() {
        String id = create(sdr(SARA), leadJson(email("nul-command")));
        post(sdr(SARA), "/api/v1/leads/" + id + "/activities", "{\"type\": \"CALL\", \"outcome\": \"a" + NUL + "\"}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("outcome"));
        given().header("Authorization", manager()).urlEncodingEnabled(false)
                .when().get("/api/v1/leads?q=a%00b").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("q"));
        given().header("Authorization", manager()).urlEncodingEnabled(false)
                .when().get("/api/v1/leads/" + id + "%00").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("id"));
    }

    @Test
    void aRepeatedMemberIsRefusedByNameOnCreatesCommandsAndPatches() {
        String id = create(sdr(SARA), leadJson(email("twice")));
        post(manager(), "/api/v1/leads/" + id + "/assign", "{\"ownerId\": \"%s\", \"ownerId\": \"%s\"}".formatted(SARA, SARA))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("ownerId"));
        post(sdr(SARA), "/api/v1/leads/" + id + "/activities", "{\"type\": \"CALL\", \"type\": \"EMAIL\"}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("type"));
        post(sdr(SARA), "/api/v1/leads", leadJson(email("twice")).replace("\"title\": \"CTO\"", "\"title\": \"CTO\", \"title\": \"CEO\""))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("title"));
        given().header("Authorization", sdr(SARA)).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body("{\"title\": \"A\", \"title\": \"B\"}")
                .when().patch("/api/v1/leads/" + id).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("title"));
        get(sdr(SARA), "/api/v1/leads/" + id).statusCode(200).body("title", equalTo("CTO")).body("version", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"createdTo=%2B294277-01-01T00:00:00Z", "createdFrom=-5000-01-01T00:00:00Z",
            "createdFrom=1899-12-31T23:59:59.999999999Z"})
    void anInstantOutsideTheRuleInAQueryIsRefused(String query) {
        given().header("Authorization", manager()).urlEncodingEnabled(false)
                .when().get("/api/v1/leads?" + query).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(query.substring(0, query.indexOf('='))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "1800-01-01T00:00:00Z", ""})
    void anActivityAtAnInstantOutsideTheRuleIsRefused(String occurredAt) {
        String id = create(sdr(SARA), leadJson(email("when")));
        post(sdr(SARA), "/api/v1/leads/" + id + "/activities", "{\"type\": \"CALL\", \"occurredAt\": \"" + occurredAt + "\"}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("occurredAt"));
    }

    @Test
    void anActivityReadsBackToTheMicrosecond() {
        String id = create(sdr(SARA), leadJson(email("micro")));
        post(sdr(SARA), "/api/v1/leads/" + id + "/activities",
                "{\"type\": \"CALL\", \"notes\": \"line 1\\n\\tline 2 🙂\", \"occurredAt\": \"2026-11-01T10:15:30.123456Z\"}")
                .statusCode(201);
        get(sdr(SARA), "/api/v1/leads/" + id + "/activities").statusCode(200)
                .body("items[0].occurredAt", equalTo("2026-11-01T10:15:30.123456Z"))
                .body("items[0].notes", equalTo("line 1\n\tline 2 🙂"));
    }

    @Test
    void aTamperedCursorIsRefused() {
        for (String values : List.of("1e999999999\u001F" + UUID.randomUUID(), "10\u001Fnot-a-uuid", "10")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(values.getBytes(StandardCharsets.UTF_8));
            given().header("Authorization", manager()).queryParam("sort", "-score").queryParam("cursor", cursor)
                    .when().get("/api/v1/leads").then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("cursor"));
        }
    }

    /**
     * Limits read the raw path and routing the normalised one: a path that is not in normal form is
     * refused, so that a body limit or a role check never applies to another path than the one served.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/lead-imports/../leads", "/api/v1//leads", "/api/v1/%6ceads", "/api/v1/./leads"})
    void aPathNotInNormalFormIsRefused(String path) throws Exception {
        String response = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("bad-path"), response);
    }

    @Test
    void anAcceptedLeadReadsBackIdentically() {
        String address = email("exact");
        String id = create(sdr(SARA), """
                {"firstName": "Zoë", "lastName": "O'Brien-Łukasz", "email": "%s", "title": "VP\\tSales",
                 "notes": "Met at the fair.\\r\\nFollow up 🙂", "source": "EVENT",
                 "company": {"name": "日本 Engines", "employees": 120}}""".formatted(address));
        get(sdr(SARA), "/api/v1/leads/" + id).statusCode(200)
                .body("firstName", equalTo("Zoë")).body("lastName", equalTo("O'Brien-Łukasz"))
                .body("title", equalTo("VP\tSales")).body("notes", equalTo("Met at the fair.\r\nFollow up 🙂"))
                .body("company.name", equalTo("日本 Engines"));
    }

    static String raw(String request) throws Exception {
        URI uri = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            StringBuilder response = new StringBuilder();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                response.append(line).append('\n');
            }
            assertEquals(false, response.isEmpty(), "no answer to " + request);
            return response.toString();
        }
    }
}
