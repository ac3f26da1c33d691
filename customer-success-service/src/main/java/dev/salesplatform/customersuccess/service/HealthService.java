package dev.salesplatform.customersuccess.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.HealthBand;
import dev.salesplatform.customersuccess.domain.HealthScore;
import dev.salesplatform.customersuccess.messaging.CustomerEvents;
import dev.salesplatform.customersuccess.persistence.CheckInRepository;
import dev.salesplatform.customersuccess.persistence.Customer;
import dev.salesplatform.customersuccess.persistence.FeedbackRepository;
import dev.salesplatform.customersuccess.persistence.RenewalRepository;
import dev.salesplatform.customersuccess.persistence.RevenueMovementRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Gathers a customer's health input from the database and applies the result. Callers compute
 * before they change the customer row (so one flush bumps its version once), then
 * {@link #apply} and, after flushing, {@link #announce} a changed band.
 */
@ApplicationScoped
public class HealthService {

    private final FeedbackRepository feedback;
    private final CheckInRepository checkIns;
    private final RenewalRepository renewals;
    private final RevenueMovementRepository movements;
    private final CustomerEvents events;

    @Inject
    public HealthService(FeedbackRepository feedback, CheckInRepository checkIns, RenewalRepository renewals,
                         RevenueMovementRepository movements, CustomerEvents events) {
        this.feedback = feedback;
        this.checkIns = checkIns;
        this.renewals = renewals;
        this.movements = movements;
        this.events = events;
    }

    /** The score and band before a change, to tell whether the band moved. */
    public record Previous(HealthBand band, int score) {
    }

    /**
     * Flushes pending writes (a new check-in, movement or renewal counts), then computes the
     * customer's health on {@code today}; {@code lastTouchpoint} is the one the change sets, or the
     * customer's current one.
     */
    public Uni<HealthScore.Result> compute(Customer customer, Instant lastTouchpoint, LocalDate today) {
        Instant since = today.minusDays(HealthScore.WINDOW_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> feedback.latestScore(customer.id))
                .chain(nps -> checkIns.since(customer.id, since).chain(recent -> renewals.openOf(customer.id)
                        .chain(open -> movements.contractionsSince(customer.id, since).map(contractions ->
                                HealthScore.of(new HealthScore.Input(today, day(customer.createdAt), nps,
                                        recent.stream().map(c -> new HealthScore.CheckIn(day(c.recordedAt), c.sentiment))
                                                .toList(),
                                        lastTouchpoint == null ? null : day(lastTouchpoint),
                                        open.stream().map(r -> r.dueDate).min(Comparator.naturalOrder()).orElse(null),
                                        contractions.stream().map(m -> day(m.recordedAt)).toList()))))));
    }

    /** Sets the result on the customer; returns what it replaced. */
    public Previous apply(Customer customer, HealthScore.Result result, LocalDate today) {
        Previous previous = new Previous(customer.healthBand, customer.healthScore);
        customer.healthScore = result.score();
        customer.healthBand = result.band();
        customer.healthReasons = result.reasons();
        customer.healthComputedOn = today;
        return previous;
    }

    /** Whether applying {@code result} would change what the customer shows. */
    public static boolean differs(Customer customer, HealthScore.Result result) {
        return customer.healthScore != result.score() || customer.healthBand != result.band()
                || !customer.healthReasons.equals(result.reasons());
    }

    /** Records customer.health-changed.v1 when the band of an ACTIVE customer moved; call after the flush. */
    public Uni<Void> announce(Customer customer, Previous previous, String actor) {
        if (previous.band() == null || previous.band() == customer.healthBand
                || customer.status == CustomerStatus.CHURNED) {
            return Uni.createFrom().voidItem();
        }
        return events.healthChanged(customer, actor, previous.band(), previous.score());
    }

    public static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
