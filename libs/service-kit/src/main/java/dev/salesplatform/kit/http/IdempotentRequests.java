package dev.salesplatform.kit.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.database.DatabaseMigrations;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.problem.RunToCompletion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code Idempotency-Key} for every POST: the first request with a key claims it, runs, and stores its
 * response in the same transaction as its write; a retry with the same key and request (method, path
 * and body) replays that response; the same key with another request is 422; a retry while the first
 * is still running is 409. Keys are kept for at least {@link #KEEP} (per caller).
 * <p>
 * It wraps the service call from the resource, and the service's own {@code @WithTransaction} joins
 * the transaction opened here: the stored answer must commit with the write it answers, or a crash in
 * between would leave a write whose retry runs it again.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration KEEP = Duration.ofHours(24);
    /** A claim older than this belongs to a request that died before it finished; it may be taken over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private static final String CLAIM = "INSERT INTO idempotency_key (caller, key, request_hash, created_at)"
            + " VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING";
    private static final String FIND = "SELECT request_hash, response_status, response_body, response_location,"
            + " response_etag, created_at < now() - make_interval(secs => ?3) AS abandoned"
            + " FROM idempotency_key WHERE caller = ?1 AND key = ?2";
    // Two retries may find the same abandoned claim: the one whose update changed the row owns it.
    private static final String TAKE_OVER = "UPDATE idempotency_key SET created_at = now()"
            + " WHERE caller = ?1 AND key = ?2 AND completed_at IS NULL AND created_at < now() - make_interval(secs => ?3)";
    private static final String COMPLETE = "UPDATE idempotency_key SET response_status = ?3, response_body = ?4,"
            + " response_location = ?5, response_etag = ?6, completed_at = now() WHERE caller = ?1 AND key = ?2";
    private static final String RELEASE = "DELETE FROM idempotency_key WHERE caller = ?1 AND key = ?2"
            + " AND completed_at IS NULL";
    private static final String EXPIRE = "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?1)";

    private final ObjectMapper mapper;
    private final CurrentVertxRequest currentRequest;

    @Inject
    public IdempotentRequests(ObjectMapper mapper, CurrentVertxRequest currentRequest) {
        this.mapper = mapper;
        this.currentRequest = currentRequest;
    }

    /**
     * Runs {@code action} (which writes inside the transaction this opens) once per key, for the current
     * HTTP request. Without a key it simply runs the action. Either way the work runs to its end even if
     * the client stops waiting ({@link RunToCompletion}): a claimed key is then completed or released,
     * never left in flight for a retry to trip over.
     */
    public Uni<Response> execute(String key, String caller, Object request, Supplier<Uni<Response>> action) {
        HttpServerRequest http = key == null ? null : currentRequest.getCurrent().request();
        return execute(key, caller, http == null ? null : http.method().name() + " " + http.path(), request, action);
    }

    /**
     * As above, for a request to {@code target} ("POST /api/v1/lead-imports", the path in normal form as
     * ProblemRoutes admits it): for work that runs off the request's context, such as a blocking upload.
     */
    public Uni<Response> execute(String key, String caller, String target, Object request, Supplier<Uni<Response>> action) {
        if (key == null) {
            return RunToCompletion.detached(action.get());
        }
        if (key.isBlank() || key.length() > 255) {
            return Uni.createFrom().failure(ProblemException.invalidField(HEADER, "must be 1 to 255 characters"));
        }
        String hash = hash(mapper, target, request);
        return RunToCompletion.detached(Panache.withTransaction(() -> claim(caller, key, hash))
                .chain(replay -> replay != null
                        ? Uni.createFrom().item(replay)
                        : Panache.withTransaction(() -> action.get().call(response -> complete(caller, key, response)))
                                .onFailure().call(() -> Panache.withTransaction(() -> release(caller, key)))));
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = DatabaseMigrations.NotMigrated.class)
    Uni<Void> expire() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(EXPIRE)
                .setParameter(1, KEEP.multipliedBy(2).toSeconds()).executeUpdate())).replaceWithVoid();
    }

    /** Null when this request now owns the key; otherwise the stored response to replay. */
    private Uni<Response> claim(String caller, String key, String hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).executeUpdate()
                .chain(inserted -> inserted == 1 ? Uni.createFrom().nullItem() : existing(session, caller, key, hash)));
    }

    private Uni<Response> existing(Mutiny.Session session, String caller, String key, String hash) {
        return session.createNativeQuery(FIND, Object[].class)
                .setParameter(1, caller).setParameter(2, key).setParameter(3, ABANDONED_AFTER.toSeconds())
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().failure(inFlight());
                    }
                    Object[] row = rows.get(0);
                    if (!hash.equals(row[0])) {
                        return Uni.createFrom().failure(new ProblemException(422, "idempotency-key-reused",
                                "Idempotency key reused", "This Idempotency-Key was used with a different request"));
                    }
                    if (row[1] != null) {
                        return Uni.createFrom().item(replay(((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                                (String) row[4]));
                    }
                    if (Boolean.TRUE.equals(row[5])) {
                        return session.createNativeQuery(TAKE_OVER).setParameter(1, caller).setParameter(2, key)
                                .setParameter(3, ABANDONED_AFTER.toSeconds()).executeUpdate()
                                .chain(updated -> updated == 1 ? Uni.createFrom().nullItem()
                                        : Uni.createFrom().failure(inFlight()));
                    }
                    return Uni.createFrom().failure(inFlight());
                });
    }

    private Uni<Integer> complete(String caller, String key, Response response) {
        String body;
        try {
            body = response.getEntity() == null ? null : mapper.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        return Panache.getSession().chain(session -> session.createNativeQuery(COMPLETE)
                .setParameter(1, caller).setParameter(2, key).setParameter(3, response.getStatus())
                .setParameter(4, body).setParameter(5, location == null ? null : location.toString())
                .setParameter(6, etag == null ? null : etag.toString())
                .executeUpdate());
    }

    private Uni<Integer> release(String caller, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RELEASE)
                .setParameter(1, caller).setParameter(2, key).executeUpdate());
    }

    private static Response replay(int status, String body, String location, String etag) {
        Response.ResponseBuilder response = Response.status(status).header(REPLAYED_HEADER, "true");
        if (body != null) {
            response.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            response.header(HttpHeaders.ETAG, etag);
        }
        return response.build();
    }

    private static ProblemException inFlight() {
        return ProblemException.conflict("idempotency-key-in-flight", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry later")
                .withHeader("Retry-After", "1");
    }

    /** The request's fingerprint: method and path, then the body. */
    static String hash(ObjectMapper mapper, String target, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((target + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(mapper.writeValueAsBytes(request)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
        }
    }
}
