package dev.salesplatform.e2e.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Raw HTTP to the gateway (java.net.http, so that bodies, content types and encodings go out exactly
 * as built): the caller's bearer token on every request, a fresh token once if one expired, and the
 * gateway's rate limit honoured: a 429 waits its Retry-After and goes again; a bucket about to run
 * dry waits for its refill first.
 */
public final class Http {

    /** One request as sent: method, the path with its (already encoded) query, headers, body bytes (or null). */
    public record Request(String method, String target, Map<String, String> headers, byte[] body) {

        public Request {
            headers = new LinkedHashMap<>(headers);
        }

        public static Request of(String method, String target) {
            return new Request(method, target, Map.of(), null);
        }

        public static Request json(String method, String target, String json) {
            String type = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
            return new Request(method, target, Map.of("Content-Type", type), json.getBytes(StandardCharsets.UTF_8));
        }

        public String bodyText() {
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The answer: status (0 when none came), headers, body as UTF-8 text, or the error that stopped it. */
    public record Answer(Request request, int status, Map<String, List<String>> headers, String body, String error) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonNode json() {
            return Json.parseOrNull(body);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final String gateway;
    private final Supplier<String> freshToken;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private String token;
    private long tokenAt;
    private int sent;
    private int tooMany;
    private Consumer<Answer> rateLimited = answer -> {
    };

    /** {@code freshToken} gives a new access token (the password grant of a demo user), called again every minute. */
    public Http(String gateway, Supplier<String> freshToken) {
        this.gateway = gateway;
        this.freshToken = freshToken;
    }

    /** Each 429 answer, before it is waited out and retried (it must be a problem too). */
    public void onRateLimited(Consumer<Answer> observer) {
        rateLimited = observer;
    }

    public int sent() {
        return sent;
    }

    public int tooManyRequests() {
        return tooMany;
    }

    public Answer send(Request request) {
        Answer answer = exchange(request, token());
        if (answer.status() == 0) {
            // A pooled connection the server had closed (after a 431 or 414 it closes without saying so):
            // once more on a fresh one. What fails again is this request's own doing.
            answer = exchange(request, token());
        }
        if (answer.status() == 401 && !request.headers().containsKey("Authorization")) {
            // Expired between our refreshes: once more with a new token.
            tokenAt = 0;
            answer = exchange(request, token());
        }
        for (int retry = 0; answer.status() == 429 && retry < 5; retry++) {
            tooMany++;
            rateLimited.accept(answer);
            Pause.waitOut(Duration.ofSeconds(seconds(answer.header("Retry-After").orElse("1"), 1)), LONGEST_WAIT);
            answer = exchange(request, token());
        }
        // Spread the requests: when the bucket is nearly empty, let it refill before the next one.
        long remaining = seconds(answer.header("RateLimit-Remaining").orElse("1000"), 1000);
        if (remaining <= 3) {
            Pause.waitOut(Duration.ofSeconds(Math.max(1, Math.min(2, seconds(answer.header("RateLimit-Reset").orElse("1"), 1)))),
                    LONGEST_WAIT);
        }
        return answer;
    }

    private Answer exchange(Request request, String bearer) {
        sent++;
        HttpRequest built;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + request.target())).timeout(TIMEOUT);
            request.headers().forEach(builder::header);
            if (!request.headers().containsKey("Authorization") && bearer != null) {
                builder.header("Authorization", "Bearer " + bearer);
            }
            builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            built = builder.build();
        } catch (IllegalArgumentException e) {
            // java.net.http refuses it (a broken percent-encoding, a header it deems invalid): over a plain socket then.
            return RawHttp.send(URI.create(gateway), request, bearer, TIMEOUT);
        }
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(request, response.statusCode(), response.headers().map(),
                    new String(response.body(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new Answer(request, 0, Map.of(), "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String token() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofSeconds(60).toNanos()) {
            token = freshToken.get();
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private static long seconds(String value, long otherwise) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
