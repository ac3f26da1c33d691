package dev.salesplatform.lead.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.kit.outbox.Outbox;
import dev.salesplatform.kit.outbox.OutboxEvent;
import dev.salesplatform.lead.domain.LeadStateMachine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** A new lead's columns; the others start null. The conflict target is the index {@code lead_open_email}. */
    private static final String INSERT_NEW = """
            INSERT INTO lead (id, first_name, last_name, email, phone, title, company_name, company_website,
                              company_employees, company_industry, source, utm_source, utm_medium, utm_campaign, utm_term,
                              utm_content, landing_page, referrer, estimated_amount, estimated_currency, notes, status,
                              owner_id, score, score_reasons, referral_id, created_by, created_at, updated_at, version)
            VALUES (CAST(?1 AS uuid), CAST(?2 AS text), CAST(?3 AS text), CAST(?4 AS text), CAST(?5 AS text),
                    CAST(?6 AS text), CAST(?7 AS text), CAST(?8 AS text), CAST(?9 AS int), CAST(?10 AS text),
                    CAST(?11 AS text), CAST(?12 AS text), CAST(?13 AS text), CAST(?14 AS text), CAST(?15 AS text),
                    CAST(?16 AS text), CAST(?17 AS text), CAST(?18 AS text), CAST(?19 AS numeric), CAST(?20 AS text),
                    CAST(?21 AS text), CAST(?22 AS text), CAST(?23 AS uuid), CAST(?24 AS int), CAST(?25 AS text),
                    CAST(?26 AS text), CAST(?27 AS text), CAST(?28 AS timestamptz), CAST(?29 AS timestamptz),
                    CAST(?30 AS bigint))
            ON CONFLICT (lower(email)) WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED') DO NOTHING
            RETURNING id""";
    private static final ScoreReasonsConverter SCORE_REASONS = new ScoreReasonsConverter();

    private final Outbox outbox;

    public LeadRepository(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Inserts {@code lead}, new, and records its {@code events}, in one statement (one round trip
     * outside a transaction), unless an open lead has its email: then nothing is written and the
     * answer is false. Entities of the session do not see it; the caller holds {@code lead}.
     */
    public Uni<Boolean> insertNew(Lead lead, List<OutboxEvent> events) {
        return outbox.recordWith(INSERT_NEW, Arrays.asList(lead.id, lead.firstName, lead.lastName, lead.email, lead.phone,
                lead.title, lead.companyName, lead.companyWebsite, lead.companyEmployees, lead.companyIndustry,
                lead.source.name(), lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.utmTerm, lead.utmContent,
                lead.landingPage, lead.referrer, lead.estimatedAmount, lead.estimatedCurrency, lead.notes,
                lead.status.name(), lead.ownerId, lead.score, SCORE_REASONS.convertToDatabaseColumn(lead.scoreReasons),
                lead.referralId, lead.createdBy, utc(lead.createdAt), utc(lead.updatedAt), lead.version), events);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The open lead with this email (case-insensitive), if any. */
    public Uni<Lead> findOpenByEmail(String email) {
        return find("lower(email) = :email and status in :open",
                Parameters.with("email", email.toLowerCase(Locale.ROOT)).and("open", LeadStateMachine.OPEN))
                .firstResult();
    }

    /** Which of {@code emails} (lower case) an open lead has, lower case. */
    public Uni<Set<String>> openEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return getSession().chain(session -> session.createQuery(
                        "select lower(l.email) from Lead l where lower(l.email) in :emails and l.status in :open", String.class)
                .setParameter("emails", emails)
                .setParameter("open", LeadStateMachine.OPEN)
                .getResultList())
                .map(Set::copyOf);
    }

    public Uni<Lead> findByReferral(String referralId) {
        return find("referralId", referralId).firstResult();
    }

    /** Up to {@code limit} leads that {@code search} finds, in its order. */
    public Uni<List<Lead>> search(LeadSearch search, int limit) {
        return find(search.query(), search.parameters()).page(0, limit).list();
    }
}
