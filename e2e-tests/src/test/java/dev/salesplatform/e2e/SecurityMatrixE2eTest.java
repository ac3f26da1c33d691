package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every route through the gateway, for every role, without a token, with an expired one and with a
 * forged one: roles the route allows get past authorization (whatever their input then earns), others
 * get 403, missing or bad tokens 401, all as problem+json. Then one rep against another rep's record.
 * The records are the demo users' own: a lead of sara.sdr, a deal of alex.ae with sofia.specialist on
 * its team, a customer of chris.csm.
 */
class SecurityMatrixE2eTest {

    static final String SDR = "sdr";
    static final String AE = "account-executive";
    static final String SPECIALIST = "sales-specialist";
    static final String CSM = "customer-success";
    static final String MANAGER = "sales-manager";
    static final String ADMIN = "admin";
    static final String INTEGRATION = "integration";
    static final String NONE = "none";
    static final Map<String, String> TOKENS = new LinkedHashMap<>();

    static String lead;
    static String deal;
    static String customer;
    static String renewal;

    record Route(String method, String path, Set<String> allowed) {
    }

    @BeforeAll
    static void recordsAndTokens() {
        TOKENS.put(SDR, Stack.userToken("sara.sdr"));
        TOKENS.put(AE, Stack.userToken("alex.ae"));
        TOKENS.put(SPECIALIST, Stack.userToken("sofia.specialist"));
        TOKENS.put(CSM, Stack.userToken("chris.csm"));
        TOKENS.put(MANAGER, Stack.userToken("morgan.manager"));
        TOKENS.put(ADMIN, Stack.userToken("ada.admin"));
        TOKENS.put(INTEGRATION, Stack.integrationToken());
        TOKENS.put(NONE, Stack.userToken("nora.norole"));
        String marker = UUID.randomUUID().toString().substring(0, 8);

        lead = send(TOKENS.get(SDR), "POST", "/leads", """
                {"firstName": "Matrix", "lastName": "Lead", "email": "matrix-%s@matrix-%s.example.org",
                 "source": "WEB_FORM"}""".formatted(marker, marker)).then().statusCode(201).extract().path("id");
        deal = send(TOKENS.get(AE), "POST", "/deals", """
                {"name": "Matrix %s", "companyName": "Matrix-%s", "contact": {"email": "buyer@matrix-%s.example.org"},
                 "amount": {"amount": "1000.00", "currency": "EUR"}}""".formatted(marker, marker, marker))
                .then().statusCode(201).extract().path("id");
        send(TOKENS.get(AE), "POST", "/deals/" + deal + "/team", """
                {"userId": "00000000-0000-7000-8000-000000000004", "role": "SALES_SPECIALIST"}""").then().statusCode(200);
        // A won deal of its own becomes the customer.
        String won = send(TOKENS.get(AE), "POST", "/deals", """
                {"name": "Matrix won %s", "companyName": "MatrixCustomer-%s",
                 "contact": {"email": "buyer@matrixcustomer-%s.example.org"},
                 "amount": {"amount": "1000.00", "currency": "EUR"}}""".formatted(marker, marker, marker))
                .then().statusCode(201).extract().path("id");
        send(TOKENS.get(AE), "POST", "/deals/" + won + "/win", """
                {"finalAmount": {"amount": "1000.00", "currency": "EUR"},
                 "contract": {"startDate": "%s", "termMonths": 12,
                              "monthlyRecurringRevenue": {"amount": "100.00", "currency": "EUR"}}}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).minusMonths(11))).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(TOKENS.get(MANAGER), "GET",
                "/customers?q=MatrixCustomer-" + marker, null).then().statusCode(200)
                .extract().<List<String>>path("items.id").size() == 1);
        customer = send(TOKENS.get(MANAGER), "GET", "/customers?q=MatrixCustomer-" + marker, null)
                .then().extract().path("items[0].id");
        send(TOKENS.get(MANAGER), "POST", "/customers/" + customer + "/assign",
                "{\"csmId\": \"00000000-0000-7000-8000-000000000005\"}").then().statusCode(200);
        renewal = send(TOKENS.get(CSM), "GET", "/renewals?customer=" + customer, null).then().statusCode(200)
                .extract().path("items[0].id");
    }

    static List<Route> routes() {
        Set<String> leadWorkers = Set.of(SDR, MANAGER, ADMIN);
        Set<String> dealReaders = Set.of(AE, SPECIALIST, MANAGER, ADMIN);
        Set<String> dealClosers = Set.of(AE, MANAGER, ADMIN);
        Set<String> csWorkers = Set.of(CSM, MANAGER, ADMIN);
        Set<String> managers = Set.of(MANAGER, ADMIN);
        Set<String> reps = Set.of(SDR, AE, CSM, MANAGER, ADMIN);
        String l = "/leads/" + lead;
        String d = "/deals/" + deal;
        String c = "/customers/" + customer;
        String r = "/renewals/" + renewal;
        String anyId = UUID.randomUUID().toString();
        return List.of(
                new Route("POST", "/leads", Set.of(SDR, MANAGER, ADMIN, INTEGRATION)),
                new Route("GET", "/leads", leadWorkers),
                new Route("GET", l, leadWorkers),
                new Route("PATCH", l, leadWorkers),
                new Route("POST", l + "/assign", leadWorkers),
                new Route("POST", l + "/activities", leadWorkers),
                new Route("GET", l + "/activities", leadWorkers),
                new Route("POST", l + "/qualify", leadWorkers),
                new Route("POST", l + "/disqualify", leadWorkers),
                new Route("POST", l + "/handoff", leadWorkers),
                new Route("POST", l + "/reopen", managers),
                new Route("GET", l + "/history", leadWorkers),
                new Route("GET", "/lead-imports", Set.of(SDR, MANAGER, ADMIN, INTEGRATION)),
                new Route("GET", "/lead-imports/" + anyId, Set.of(SDR, MANAGER, ADMIN, INTEGRATION)),
                new Route("GET", "/pipelines", dealReaders),
                new Route("POST", "/pipelines", Set.of(ADMIN)),
                new Route("POST", "/deals", dealClosers),
                new Route("GET", "/deals", dealReaders),
                new Route("GET", "/deals/summary", dealClosers),
                new Route("GET", d, dealReaders),
                new Route("PATCH", d, dealReaders),
                new Route("POST", d + "/stage", dealReaders),
                new Route("POST", d + "/win", dealClosers),
                new Route("POST", d + "/lose", dealClosers),
                new Route("POST", d + "/team", dealClosers),
                new Route("DELETE", d + "/team/" + anyId, dealClosers),
                new Route("POST", d + "/obstacles", dealReaders),
                new Route("GET", d + "/obstacles", dealReaders),
                new Route("POST", d + "/proposals", dealReaders),
                new Route("GET", d + "/proposals", dealReaders),
                new Route("GET", d + "/history", dealReaders),
                new Route("GET", "/customers", csWorkers),
                new Route("GET", c, csWorkers),
                new Route("PATCH", c, csWorkers),
                new Route("POST", c + "/assign", csWorkers),
                new Route("POST", c + "/check-ins", csWorkers),
                new Route("GET", c + "/feedback", csWorkers),
                new Route("POST", c + "/feedback", csWorkers),
                new Route("POST", c + "/reviews", csWorkers),
                new Route("POST", c + "/referrals", csWorkers),
                new Route("POST", c + "/expansions", csWorkers),
                new Route("POST", c + "/contractions", csWorkers),
                new Route("POST", c + "/churn", csWorkers),
                new Route("GET", c + "/contracts", csWorkers),
                new Route("GET", c + "/history", csWorkers),
                new Route("GET", "/renewals", csWorkers),
                new Route("GET", r, csWorkers),
                new Route("POST", r + "/renew", csWorkers),
                new Route("POST", r + "/churn", csWorkers),
                new Route("GET", "/analytics/funnel", managers),
                new Route("GET", "/analytics/conversion", managers),
                new Route("GET", "/analytics/deals", managers),
                new Route("GET", "/analytics/pipeline", managers),
                new Route("GET", "/analytics/retention", managers),
                new Route("GET", "/analytics/timeseries?metric=deals-won", managers),
                new Route("GET", "/analytics/reps", reps),
                new Route("GET", "/analytics/targets", reps),
                new Route("PUT", "/analytics/targets/" + anyId + "/2027-Q1/QUALIFIED_LEADS", managers),
                new Route("GET", "/analytics/rebuild", Set.of(ADMIN)),
                new Route("GET", "/dead-letters/lead-service", Set.of(ADMIN)),
                new Route("GET", "/dead-letters/deal-service?status=OPEN", Set.of(ADMIN)),
                new Route("GET", "/dead-letters/customer-success-service", Set.of(ADMIN)),
                new Route("GET", "/dead-letters/analytics-service", Set.of(ADMIN)));
    }

    @Test
    void everyRouteGivesEveryRoleItsDocumentedAnswer() {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            for (Map.Entry<String, String> role : TOKENS.entrySet()) {
                // Commands with an empty body: allowed roles get 400/404/409/428 for it, never a change.
                Response response = send(role.getValue(), route.method(), route.path(), "{}");
                int status = response.statusCode();
                boolean allowed = route.allowed().contains(role.getKey());
                if (allowed ? status == 401 || status == 403 : status != 403 || !problem(response)) {
                    wrong.add(route.method() + " " + route.path() + " as " + role.getKey() + ": " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void withoutAValidTokenEveryRouteIs401() {
        String forged = forge(TOKENS.get(ADMIN));
        String expired = expiredToken();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            for (String token : new String[] {null, forged, expired, "not-a-jwt"}) {
                Response response = send(token, route.method(), route.path(), "{}");
                if (response.statusCode() != 401 || !problem(response)
                        || !response.header("WWW-Authenticate").startsWith("Bearer")) {
                    wrong.add(route.method() + " " + route.path() + " with " + (token == null ? "no token"
                            : token == forged ? "a forged token" : token == expired ? "an expired token" : "garbage")
                            + ": " + response.statusCode());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void oneRepCannotReadOrChangeAnothersRecord() {
        String sam = Stack.userToken("sam.sdr");
        send(sam, "PATCH", "/leads/" + lead, "{\"notes\": \"mine now\"}").then().statusCode(403);
        send(sam, "POST", "/leads/" + lead + "/activities", "{\"type\": \"CALL\"}").then().statusCode(403);
        send(sam, "POST", "/leads/" + lead + "/disqualify", "{\"reason\": \"OTHER\"}").then().statusCode(403);

        String otherAe = Stack.userToken(newUserName("ae"), AE);
        send(otherAe, "GET", "/deals/" + deal, null).then().statusCode(403);
        send(otherAe, "POST", "/deals/" + deal + "/stage", "{\"stage\": \"DEMO\"}").then().statusCode(403);
        send(otherAe, "GET", "/deals?q=Matrix", null).then().statusCode(200);
        assertTrue(send(otherAe, "GET", "/deals", null).then().extract().<List<String>>path("items.id")
                .stream().noneMatch(deal::equals));
        // The specialist on the team works the deal but cannot close it.
        send(TOKENS.get(SPECIALIST), "POST", "/deals/" + deal + "/win", "{}").then().statusCode(403);

        String otherCsm = Stack.userToken(newUserName("csm"), CSM);
        send(otherCsm, "POST", "/customers/" + customer + "/feedback", "{\"score\": 1}").then().statusCode(403);
        send(otherCsm, "POST", "/renewals/" + renewal + "/churn", "{\"reason\": \"OTHER\"}").then().statusCode(403);
        send(TOKENS.get(SDR), "GET", "/analytics/targets?rep=00000000-0000-7000-8000-000000000002", null).then()
                .statusCode(403);
    }

    /** A fresh user name with its role, made in Keycloak. */
    private static String newUserName(String kind) {
        return "matrix-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response send(String token, String method, String path, String json) {
        RequestSpecification request = given();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null && !method.equals("GET") && !method.equals("DELETE")) {
            request.contentType(method.equals("PATCH") ? "application/merge-patch+json" : ContentType.JSON.toString())
                    .body(json);
        }
        return request.when().request(method, Stack.GATEWAY + "/api/v1" + path);
    }

    static boolean problem(Response response) {
        String type = response.contentType();
        return type != null && type.startsWith("application/problem+json");
    }

    /** The admin's token with its payload changed (every role): the signature no longer matches. */
    static String forge(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"", "\"sub\":\"f");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** A genuine Keycloak token that has expired: from a client whose tokens live one second. */
    static String expiredToken() {
        String token = Stack.shortLivedToken("sara.sdr");
        await().atMost(Duration.ofSeconds(30)).until(() -> send(token, "GET", "/leads", null).statusCode() == 401);
        return token;
    }
}
