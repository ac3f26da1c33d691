package dev.salesplatform.lead.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.lead.domain.LeadStateMachine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

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
