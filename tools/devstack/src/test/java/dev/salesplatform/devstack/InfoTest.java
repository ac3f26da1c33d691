package dev.salesplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class InfoTest {

    /** Runs the printed commands in bash with a fake curl that answers like Keycloak and the gateway. */
    private static String runWithFakeCurl(String script) throws Exception {
        String fakeCurl = """
                curl() {
                  case "$*" in
                    *openid-connect/token*) printf '%s' '{"access_token":"eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl","expires_in":900,"refresh_expires_in":1800,"refresh_token":"eyJyZWZyZXNo.x.y","token_type":"Bearer","not-before-policy":0,"session_state":"abc","scope":"email profile"}' ;;
                    *) printf 'ARGS %s\\n' "$*" ;;
                  esac
                }
                """;
        Process bash = new ProcessBuilder("bash", "-c", fakeCurl + script).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theTokenCommandExtractsTheAccessTokenWithSedOnly() throws Exception {
        String out = runWithFakeCurl(Info.tokenCommand() + "\necho \"$TOKEN\"\n");
        assertEquals("eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl\n", out);
        assertTrue(Info.tokenCommand().contains("http://127.0.0.1:8180/realms/sales/protocol/openid-connect/token"));
        assertTrue(Info.tokenCommand().contains("client_id=sales-frontend"));
        assertFalse(Info.tokenCommand().contains("jq"));
    }

    @Test
    void theLeadCommandPostsTheSampleLeadWithTheToken() throws Exception {
        String out = runWithFakeCurl(Info.tokenCommand() + "\n" + Info.createLeadCommand() + "\n");
        assertTrue(out.contains("-X POST http://127.0.0.1:8080/api/v1/leads"), out);
        assertTrue(out.contains("Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"), out);
        assertTrue(out.contains("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\","
                + "\"company\":{\"name\":\"Analytical Engines Ltd\"},\"source\":\"WEB_FORM\"}"), out);
    }

    @Test
    void textListsUrlsUsersAndCommands() {
        String full = Info.text(false, StackSpec.Shape.SINGLE);
        assertTrue(full.contains("/q/openapi"));
        assertTrue(full.contains("http://127.0.0.1:8180/admin/"));
        assertTrue(full.contains("http://127.0.0.1:8083"));
        assertTrue(full.contains("nora.norole"));
        assertTrue(full.contains("LOCAL ONLY"));
        assertTrue(full.contains(Info.createLeadCommand()));
        String infra = Info.text(true, StackSpec.Shape.SINGLE);
        assertFalse(infra.contains("/api/v1/leads"));
        assertTrue(infra.contains(Info.tokenCommand()));
    }

    @Test
    void textListsEveryInstanceAndBroker() {
        String text = Info.text(false, new StackSpec.Shape(2, 3));
        assertTrue(text.contains("http://127.0.0.1:8080/api/v1, http://127.0.0.1:8100/api/v1"), text);
        assertTrue(text.contains("lead-service-2"), text);
        assertTrue(text.contains("http://127.0.0.1:9101/q/health/ready"), text);
        assertTrue(text.contains("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096"), text);
        assertTrue(text.contains("replication factor 3, min.insync.replicas 2"), text);
    }
}
